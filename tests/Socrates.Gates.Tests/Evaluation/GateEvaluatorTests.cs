using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class GateEvaluatorTests
{
    [Theory]
    [InlineData(1.0, GateStatus.Pass)]
    [InlineData(0.96, GateStatus.Pass)]
    [InlineData(0.95, GateStatus.Pass)] // equal to warn passes
    [InlineData(0.94, GateStatus.Warn)]
    [InlineData(0.90, GateStatus.Warn)] // equal to fail does not fail
    [InlineData(0.8999, GateStatus.Fail)]
    [InlineData(-1.0, GateStatus.Fail)]
    public void Decide_MinWithWarnBand_StatusByBand(double value, GateStatus expected) =>
        Assert.Equal(expected, GateEvaluator.Decide(Direction.Min, fail: 0.90, warn: 0.95, value));

    [Theory]
    [InlineData(0.0, GateStatus.Pass)]
    [InlineData(5.0, GateStatus.Pass)] // equal to warn passes
    [InlineData(5.0001, GateStatus.Warn)]
    [InlineData(10.0, GateStatus.Warn)] // equal to fail does not fail
    [InlineData(10.0001, GateStatus.Fail)]
    [InlineData(1e12, GateStatus.Fail)]
    public void Decide_MaxWithWarnBand_StatusByBand(double value, GateStatus expected) =>
        Assert.Equal(expected, GateEvaluator.Decide(Direction.Max, fail: 10, warn: 5, value));

    [Theory]
    [InlineData(Direction.Max, 0.0, GateStatus.Pass)]
    [InlineData(Direction.Max, 1.0, GateStatus.Fail)]
    [InlineData(Direction.Min, 1.0, GateStatus.Pass)]
    [InlineData(Direction.Min, 0.0, GateStatus.Fail)]
    public void Decide_NoWarnThreshold_NeverWarns(Direction direction, double value, GateStatus expected)
    {
        var fail = direction == Direction.Max ? 0.0 : 1.0;

        Assert.Equal(expected, GateEvaluator.Decide(direction, fail, warn: null, value));
    }

    [Theory]
    [InlineData(Direction.Max, 0.0)]
    [InlineData(Direction.Min, 0.0)]
    public void Decide_WarnEqualToFail_ValueAtThresholdPasses(Direction direction, double threshold) =>
        Assert.Equal(GateStatus.Pass, GateEvaluator.Decide(direction, threshold, threshold, threshold));

    [Fact]
    public void Decide_NaN_Fails()
    {
        Assert.Equal(GateStatus.Fail, GateEvaluator.Decide(Direction.Min, 0.5, null, double.NaN));
        Assert.Equal(GateStatus.Fail, GateEvaluator.Decide(Direction.Max, 0.5, null, double.NaN));
    }

    [Fact]
    public void Evaluate_MetricAbsent_MissingWithReason()
    {
        var gate = TestGates.Make(metric: "search.recall_at_10");

        var result = GateEvaluator.Evaluate(gate, new MetricSet(), "quick");

        Assert.Equal(GateStatus.Missing, result.Status);
        Assert.True(result.IsRed);
        Assert.Null(result.Value);
        Assert.Contains("search.recall_at_10", result.Reason, StringComparison.Ordinal);
        Assert.Contains("no evidence, no pass", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GateNotInProfile_SkippedEvenWithFailingFigure()
    {
        var gate = TestGates.Make(metric: "m", fail: 0.9, profiles: ["full"]);

        var result = GateEvaluator.Evaluate(gate, TestGates.Metrics(("m", 0.1)), "quick");

        Assert.Equal(GateStatus.Skipped, result.Status);
        Assert.False(result.IsRed);
        Assert.Contains("quick", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PresentFigure_CarriesSampleAndReason()
    {
        var gate = TestGates.Make(metric: "m", direction: Direction.Min, fail: 0.9, warn: 0.95);

        var result = GateEvaluator.Evaluate(gate, TestGates.Metrics(("m", 0.93)), "ci");

        Assert.Equal(GateStatus.Warn, result.Status);
        Assert.Equal(0.93, result.Value);
        Assert.Equal("0.93 < warn 0.95 (fail 0.9)", result.Reason);
    }

    [Fact]
    public void Evaluate_UnitDiffersFromGate_Noted()
    {
        var gate = TestGates.Make(metric: "coverage.line", unit: "percent", fail: 60);
        var metrics = new MetricSet([TestGates.Sample("coverage.line", 0.8, unit: "ratio")]);

        var result = GateEvaluator.Evaluate(gate, metrics, "quick");

        Assert.NotNull(result.Note);
        Assert.Contains("'percent'", result.Note, StringComparison.Ordinal);
        Assert.Contains("'ratio'", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FigureFromOtherProfile_Noted()
    {
        var result = GateEvaluator.Evaluate(TestGates.Make(metric: "m"), TestGates.Metrics(("m", 1)), "full");

        Assert.Equal(GateStatus.Pass, result.Status);
        Assert.Contains("profile 'quick', not 'full'", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FigureMeasuredWithFailpointsOn_Noted()
    {
        var metrics = new MetricSet([TestGates.Sample("m", 1, failpoints: ["fp.y"])]);

        var result = GateEvaluator.Evaluate(TestGates.Make(metric: "m"), metrics, "quick");

        Assert.Contains("failpoints on (fp.y)", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CleanFigure_NoNote()
    {
        var result = GateEvaluator.Evaluate(TestGates.Make(metric: "m"), TestGates.Metrics(("m", 1)), "quick");

        Assert.Null(result.Note);
    }

    [Fact]
    public void Evaluate_GateWithCanary_CanaryNotRunUntilJudged()
    {
        var gate = TestGates.Make(metric: "m", canary: TestGates.Failpoint());

        var result = GateEvaluator.Evaluate(gate, TestGates.Metrics(("m", 1)), "quick");

        Assert.Equal(CanaryStatus.NotRun, result.Canary.Status);
    }

    [Fact]
    public void Evaluate_GateWithoutCanary_CanaryNone()
    {
        var result = GateEvaluator.Evaluate(TestGates.Make(metric: "m"), TestGates.Metrics(("m", 1)), "quick");

        Assert.Equal(CanaryStatus.None, result.Canary.Status);
    }

    [Fact]
    public void Evaluate_InconclusiveMetric_InconclusiveWithReasonNeverPassOrFail()
    {
        var gate = TestGates.Make(metric: "soak.heap", direction: Direction.Max, fail: 256);
        var sample = TestGates.Sample("soak.heap", 10) with { Status = MetricStatus.Inconclusive, Reason = "GC spread too wide after 4 tries" };

        var result = GateEvaluator.Evaluate(gate, new MetricSet([sample]), "quick");

        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.False(result.IsRed);
        Assert.Contains("GC spread too wide after 4 tries", result.Reason, StringComparison.Ordinal);
        Assert.Contains("last reading 10", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InconclusiveMetricWithoutReading_NoValue()
    {
        var gate = TestGates.Make(metric: "soak.heap", direction: Direction.Max, fail: 256);
        var sample = TestGates.Sample("soak.heap", double.NaN) with { Status = MetricStatus.Inconclusive, Reason = "busy" };

        var result = GateEvaluator.Evaluate(gate, new MetricSet([sample]), "quick");

        Assert.Equal(GateStatus.Inconclusive, result.Status);
        Assert.Null(result.Value);
    }
}
