using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class CanaryEvaluatorTests
{
    private static readonly GateDefinition s_gate =
        TestGates.Make(id: "recall", metric: "search.recall", direction: Direction.Min, fail: 0.9, warn: 0.95, canary: TestGates.Failpoint("search.force-probes-1"));

    [Fact]
    public void Evaluate_GateFailsUnderCanary_Verified()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, TestGates.Metrics(("search.recall", 0.41)));

        Assert.Equal(CanaryStatus.Verified, result.Status);
        Assert.Equal(GateStatus.Fail, result.GateStatusUnderCanary);
        Assert.Equal(0.41, result.ValueUnderCanary);
        Assert.Contains("search.force-probes-1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MetricMissingUnderCanary_Verified()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, new MetricSet());

        Assert.Equal(CanaryStatus.Verified, result.Status);
        Assert.Equal(GateStatus.Missing, result.GateStatusUnderCanary);
    }

    [Theory]
    [InlineData(0.99, GateStatus.Pass)]
    [InlineData(0.92, GateStatus.Warn)]
    public void Evaluate_GateStaysGreenOrYellowUnderCanary_Insensitive(double value, GateStatus underCanary)
    {
        var result = CanaryEvaluator.Evaluate(s_gate, TestGates.Metrics(("search.recall", value)));

        Assert.Equal(CanaryStatus.Insensitive, result.Status);
        Assert.Equal(underCanary, result.GateStatusUnderCanary);
        Assert.Contains("cannot catch its defect", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoCanaryArtifacts_NotRun()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, canaryMetrics: null);

        Assert.Equal(CanaryStatus.NotRun, result.Status);
        Assert.Null(result.GateStatusUnderCanary);
    }

    [Fact]
    public void Evaluate_GateWithoutCanary_None()
    {
        var result = CanaryEvaluator.Evaluate(TestGates.Make(), TestGates.Metrics(("m", 0)));

        Assert.Equal(CanaryStatus.None, result.Status);
    }

    [Fact]
    public void Evaluate_CanaryFigureNotWrittenUnderItsFailpoint_Noted()
    {
        var metrics = new MetricSet([TestGates.Sample("search.recall", 0.99, failpoints: [])]);

        var result = CanaryEvaluator.Evaluate(s_gate, metrics);

        Assert.Equal(CanaryStatus.Insensitive, result.Status);
        Assert.Contains("does not list failpoint 'search.force-probes-1'", result.Reason, StringComparison.Ordinal);
    }
}
