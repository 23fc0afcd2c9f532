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
        var result = CanaryEvaluator.Evaluate(s_gate, TestGates.Canary(("search.recall", 0.41)));

        Assert.Equal(CanaryStatus.Verified, result.Status);
        Assert.Equal(GateStatus.Fail, result.GateStatusUnderCanary);
        Assert.Equal(0.41, result.ValueUnderCanary);
        Assert.Contains("search.force-probes-1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MetricMissingAndATestFailed_Verified()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, new CanaryRun(new MetricSet(), ExecutedTests: 3, FailedTests: 1));

        Assert.Equal(CanaryStatus.Verified, result.Status);
        Assert.Equal(GateStatus.Missing, result.GateStatusUnderCanary);
        Assert.Contains("1 test failed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MetricMissingAndNoTestExecuted_NotRun()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, new CanaryRun(new MetricSet(), ExecutedTests: 0, FailedTests: 0));

        Assert.Equal(CanaryStatus.NotRun, result.Status);
        Assert.Contains("the targeted canary run executed no test", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MetricMissingAndEveryTestPassed_NotRunNotVerified()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, new CanaryRun(new MetricSet(), ExecutedTests: 4, FailedTests: 0));

        Assert.Equal(CanaryStatus.NotRun, result.Status);
        Assert.Contains("none wrote metric 'search.recall'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CanaryProblemWritten_NotRunWithItsText()
    {
        var run = new CanaryRun(TestGates.Metrics(("search.recall", 0.1)), 5, 1, "no test writes metric 'search.recall'");

        var result = CanaryEvaluator.Evaluate(s_gate, run);

        Assert.Equal(CanaryStatus.NotRun, result.Status);
        Assert.Contains("no test writes metric 'search.recall'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InconclusiveFigureUnderCanary_UnprovenWithReason()
    {
        var sample = TestGates.Sample("search.recall", 0.99) with { Status = MetricStatus.Inconclusive, Reason = "spread 40 % over 5 tries" };

        var result = CanaryEvaluator.Evaluate(s_gate, new CanaryRun(new MetricSet([sample]), 1, 0));

        Assert.Equal(CanaryStatus.Inconclusive, result.Status);
        Assert.NotEqual(CanaryStatus.Verified, result.Status);
        Assert.Contains("spread 40 % over 5 tries", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.99, GateStatus.Pass)]
    [InlineData(0.92, GateStatus.Warn)]
    public void Evaluate_GateStaysGreenOrYellowUnderCanary_Insensitive(double value, GateStatus underCanary)
    {
        var result = CanaryEvaluator.Evaluate(s_gate, TestGates.Canary(("search.recall", value)));

        Assert.Equal(CanaryStatus.Insensitive, result.Status);
        Assert.Equal(underCanary, result.GateStatusUnderCanary);
        Assert.Contains("cannot catch its defect", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoCanaryArtifacts_NotRun()
    {
        var result = CanaryEvaluator.Evaluate(s_gate, run: null);

        Assert.Equal(CanaryStatus.NotRun, result.Status);
        Assert.Null(result.GateStatusUnderCanary);
    }

    [Fact]
    public void Evaluate_GateWithoutCanary_None()
    {
        var result = CanaryEvaluator.Evaluate(TestGates.Make(), TestGates.Canary(("m", 0)));

        Assert.Equal(CanaryStatus.None, result.Status);
    }

    [Fact]
    public void Evaluate_CanaryFigureNotWrittenUnderItsFailpoint_Noted()
    {
        var metrics = new MetricSet([TestGates.Sample("search.recall", 0.99, failpoints: [])]);

        var result = CanaryEvaluator.Evaluate(s_gate, new CanaryRun(metrics, 1, 0));

        Assert.Equal(CanaryStatus.Insensitive, result.Status);
        Assert.Contains("does not list failpoint 'search.force-probes-1'", result.Reason, StringComparison.Ordinal);
    }
}
