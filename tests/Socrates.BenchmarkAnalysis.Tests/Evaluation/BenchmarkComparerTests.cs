using Socrates.BenchmarkAnalysis.Baselines;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Evaluation;
using static Socrates.BenchmarkAnalysis.Tests.SyntheticRuns;

namespace Socrates.BenchmarkAnalysis.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class BenchmarkComparerTests
{
    private static readonly BenchmarkSelector s_before = Select("Load", "Before");
    private static readonly BenchmarkSelector s_after = Select("Load", "After");
    private static readonly BenchmarkSelector s_reference = Select("Reference", "Fixed");

    [Fact]
    public void Compare_ClearTenfoldSpeedup_LowerBoundAboveFiveAndEstimateNearTen()
    {
        var run = Run(Result("Load", "Before", Samples(1, 10_000, 0.10)), Result("Load", "After", Samples(2, 1_000, 0.10)));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, s_after)), run);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.True(outcome.Value > 5, $"lower bound {outcome.Value}");
        Assert.InRange(outcome.Estimate!.Value, 8.5, 11.5);
        Assert.True(outcome.Value <= outcome.Estimate);
        Assert.True(outcome.Test!.Significant);
        Assert.Equal("candidate faster", outcome.Verdict);
    }

    [Fact]
    public void Compare_IdenticalDistributions_NotSignificantAndNoSpeedupClaimed()
    {
        var run = Run(Result("Load", "Before", Samples(3, 5_000, 0.08)), Result("Load", "After", Samples(4, 5_000, 0.08)));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, s_after, new NoiseFloors(0.99, 0, 0))), run);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.False(outcome.Test!.Significant, $"p = {outcome.Test.PValue}");
        Assert.Equal(1, outcome.Value);
        Assert.Equal("no significant difference", outcome.Verdict);
        Assert.True(outcome.Lower < 1 && outcome.Upper > 1);
    }

    [Fact]
    public void Compare_IdenticalDistributionsManySeeds_NeverSignificantMoreOftenThanAlpha()
    {
        // Zero-flake evidence: 200 clean "runs" of equal distributions at 99 % confidence give a
        // false "significant" in about 1 % of them; the noise floor (2 %) then absorbs them.
        var significant = 0;
        var regressionsAboveFivePercent = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var run = Run(Result("Load", "Before", Samples(1000 + seed, 5_000, 0.05)), Result("Load", "After", Samples(5000 + seed, 5_000, 0.05)));
            var outcome = Single(File(null, Ratio("bench.load.ratio", s_before, s_after)), run);
            significant += outcome.Test!.Significant ? 1 : 0;
            regressionsAboveFivePercent += outcome.Value > 1.05 ? 1 : 0;
        }

        Assert.InRange(significant, 0, 6);
        Assert.True(regressionsAboveFivePercent <= 2, $"{regressionsAboveFivePercent} of 200 clean runs would break a 1.05 ratio gate");
    }

    [Fact]
    public void Compare_ThreePercentSlowerWithNoise_RegressionBelowFivePercent()
    {
        var baseline = BaselineOf(Samples(10, 1_000, 0.01), Samples(11, 50_000, 0.01));
        var current = Run(Result("Reference", "Fixed", Samples(12, 1_000, 0.01)), Result("Load", "After", Samples(13, 51_500, 0.01)));

        var outcome = Single(File(s_reference, Regression("bench.load.regression", s_after)), current, baseline);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.InRange(outcome.Estimate!.Value, 0.01, 0.05);
        Assert.True(outcome.Value < 0.05, $"a 3 % slowdown must not read as a regression above 5 %: {outcome.Value}");
        Assert.Equal(0, outcome.Value);
        Assert.True(outcome.WithinNoiseFloor);
    }

    [Fact]
    public void Compare_SameRunOnMachine1Point7TimesSlower_NoRegression()
    {
        var referenceSamples = Samples(20, 1_000, 0.03);
        var benchmarkSamples = Samples(21, 40_000, 0.03);
        var baseline = BaselineOf(referenceSamples, benchmarkSamples);
        var slowerMachine = Run(
            Result("Reference", "Fixed", referenceSamples.Select(s => s * 1.7).ToArray()),
            Result("Load", "After", benchmarkSamples.Select(s => s * 1.7).ToArray()));

        var outcome = Single(File(s_reference, Regression("bench.load.regression", s_after)), slowerMachine, baseline);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.Equal(0, outcome.Value);
        Assert.Equal(0, outcome.Estimate!.Value, 10);
        Assert.False(outcome.Test!.Significant);
        Assert.NotNull(outcome.Normalisation);
    }

    [Fact]
    public void Compare_SlowerMachineWithFreshNoise_NoRegression()
    {
        var baseline = BaselineOf(Samples(30, 1_000, 0.02), Samples(31, 40_000, 0.02));
        var slowerMachine = Run(
            Result("Reference", "Fixed", Samples(32, 1_700, 0.02)),
            Result("Load", "After", Samples(33, 68_000, 0.02)));

        var outcome = Single(File(s_reference, Regression("bench.load.regression", s_after)), slowerMachine, baseline);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.Equal(0, outcome.Value);
    }

    [Fact]
    public void Compare_FiftyPercentSlowerAfterNormalisation_RegressionAboveTenPercent()
    {
        var baseline = BaselineOf(Samples(40, 1_000, 0.02), Samples(41, 40_000, 0.02));
        var regressed = Run(
            Result("Reference", "Fixed", Samples(42, 1_300, 0.02)),
            Result("Load", "After", Samples(43, 40_000 * 1.3 * 1.5, 0.02)));

        var outcome = Single(File(s_reference, Regression("bench.load.regression", s_after)), regressed, baseline);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.True(outcome.Test!.Significant);
        Assert.InRange(outcome.Estimate!.Value, 0.4, 0.6);
        Assert.True(outcome.Value >= outcome.Estimate, "the gated value is the upper bound");
        Assert.True(outcome.Value > 0.10);
        Assert.Equal("candidate slower", outcome.Verdict);
    }

    [Fact]
    public void Compare_EntryWithOwnReference_NormalisesBothSidesByIt()
    {
        // The file-level reference drifted (measured in a quiet minute for the baseline, a busy one
        // now); the class's own reference, measured next to the benchmark, moved with it.
        var ownReference = Select("Load", "Reference");
        var baselineRun = Run(
            Result("Reference", "Fixed", Samples(90, 1_000, 0.01)),
            Result("Load", "Reference", Samples(91, 2_000, 0.01)),
            Result("Load", "After", Samples(92, 40_000, 0.01)));
        var baseline = BaselineStore.Create(baselineRun, s_reference, "ci", DateTimeOffset.UnixEpoch);
        var busyRun = Run(
            Result("Reference", "Fixed", Samples(93, 1_000, 0.01)),
            Result("Load", "Reference", Samples(94, 2_600, 0.01)),
            Result("Load", "After", Samples(95, 52_000, 0.01)));
        var withOwn = Regression("bench.load.regression", s_after) with { Reference = ownReference };
        var withFileLevel = Regression("bench.load.regression", s_after);

        var own = Single(File(s_reference, withOwn), busyRun, baseline);
        var fileLevel = Single(File(s_reference, withFileLevel), busyRun, baseline);

        Assert.True(own.IsOk, own.Error);
        Assert.Equal(0, own.Value);
        Assert.InRange(own.Estimate!.Value, -0.02, 0.02);
        Assert.True(fileLevel.Value > 0.25, $"the drifted file-level reference reads a 30 % regression: {fileLevel.Value}");
    }

    [Fact]
    public void Compare_DifferenceBelowAbsoluteFloor_CountsAsNoDifference()
    {
        // 1.0 ns against 1.2 ns: 20 % apart and significant, but 0.2 ns is below a 0.5 ns floor.
        var run = Run(Result("Load", "Before", Samples(50, 1.2, 0.01)), Result("Load", "After", Samples(51, 1.0, 0.01)));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, s_after, new NoiseFloors(0.99, 0.02, 0.5))), run);

        Assert.True(outcome.Test!.Significant);
        Assert.True(outcome.WithinNoiseFloor);
        Assert.Equal(1, outcome.Value);
        Assert.InRange(outcome.Estimate!.Value, 1.15, 1.25);
    }

    [Fact]
    public void Compare_DifferenceBelowRelativeFloor_RatioIsOne()
    {
        var run = Run(Result("Load", "Before", Samples(52, 10_000, 0.002)), Result("Load", "After", Samples(53, 10_100, 0.002)));

        var outcome = Single(File(null, Ratio("bench.load.ratio", s_before, s_after, settings: new NoiseFloors(0.99, 0.02, 0.5))), run);

        Assert.True(outcome.Test!.Significant);
        Assert.True(outcome.WithinNoiseFloor);
        Assert.Equal(1, outcome.Value);

        var strict = Single(File(null, Ratio("bench.load.ratio", s_before, s_after, settings: new NoiseFloors(0.99, 0, 0))), run);
        Assert.InRange(strict.Value!.Value, 1.005, 1.02);
    }

    [Fact]
    public void Compare_MissingCandidate_ErrorAndNoValue()
    {
        var run = Run(Result("Load", "Before", Samples(60, 1_000, 0.05)));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, s_after)), run);

        Assert.False(outcome.IsOk);
        Assert.Null(outcome.Value);
        Assert.Contains("candidate: no benchmark result matches Load.After", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AmbiguousSelector_ErrorNamesEveryMatch()
    {
        var run = Run(
            Result("Load", "Before", Samples(61, 1_000, 0.05), parameters: "Rows=10"),
            Result("Load", "Before", Samples(62, 1_000, 0.05), parameters: "Rows=100"),
            Result("Load", "After", Samples(63, 100, 0.05), parameters: "Rows=10"));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, Select("Load", "After", ("Rows", "10")))), run);

        Assert.False(outcome.IsOk);
        Assert.Contains("ambiguous", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Rows: 100", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RegressionWithoutBaselineFile_ErrorCarriesTheReason()
    {
        var run = Run(Result("Reference", "Fixed", Samples(70, 1_000, 0.01)), Result("Load", "After", Samples(71, 1_000, 0.01)));

        var outcome = Single(File(s_reference, Regression("bench.load.regression", s_after)), run, null, "the stored baseline 'x.json' does not exist");

        Assert.False(outcome.IsOk);
        Assert.Equal("the stored baseline 'x.json' does not exist", outcome.Error);
    }

    [Fact]
    public void Compare_RegressionWithoutReferenceInRun_Error()
    {
        var baseline = BaselineOf(Samples(72, 1_000, 0.01), Samples(73, 1_000, 0.01));
        var run = Run(Result("Load", "After", Samples(74, 1_000, 0.01)));

        var outcome = Single(File(s_reference, Regression("bench.load.regression", s_after)), run, baseline);

        Assert.False(outcome.IsOk);
        Assert.StartsWith("reference: no benchmark result matches Reference.Fixed", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TooFewSamplesForConfidence_ErrorInsteadOfNumber()
    {
        var run = Run(Result("Load", "Before", [10, 11, 12]), Result("Load", "After", [1, 2, 3]));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, s_after)), run);

        Assert.False(outcome.IsOk);
        Assert.Contains("too few", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NonPositiveSample_Error()
    {
        var run = Run(Result("Load", "Before", Samples(75, 1_000, 0.01)), Result("Load", "After", [.. Samples(76, 1, 0.01), -0.2]));

        var outcome = Single(File(null, Speedup("bench.load.speedup", s_before, s_after)), run);

        Assert.False(outcome.IsOk);
        Assert.Contains("not a positive number", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AllocatedRatio_IsExactRatioWithoutInterval()
    {
        var run = Run(Result("Load", "Before", Samples(80, 1_000, 0.2), bytes: 4096), Result("Load", "After", Samples(81, 1_000, 0.2), bytes: 1024));

        var outcome = Single(File(null, Ratio("bench.load.alloc", s_before, s_after, ComparisonMeasure.Allocated)), run);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.Equal(0.25, outcome.Value);
        Assert.Null(outcome.Test);
        Assert.Null(outcome.Confidence);
    }

    [Fact]
    public void Compare_AllocationFromZeroBytes_ErrorRatherThanInfinity()
    {
        var run = Run(Result("Load", "Before", Samples(82, 1_000, 0.2), bytes: 0), Result("Load", "After", Samples(83, 1_000, 0.2), bytes: 24));

        var outcome = Single(File(null, Ratio("bench.load.alloc", s_before, s_after, ComparisonMeasure.Allocated)), run);

        Assert.False(outcome.IsOk);
        Assert.Contains("unbounded", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AllocatedRegression_AgainstStoredBytes()
    {
        var baseline = BaselineOf(Samples(84, 1_000, 0.01), Samples(85, 1_000, 0.01), afterBytes: 1000);
        var run = Run(Result("Reference", "Fixed", Samples(86, 1_000, 0.01)), Result("Load", "After", Samples(87, 1_000, 0.01), bytes: 1250));

        var outcome = Single(File(s_reference, Regression("bench.load.alloc_regression", s_after, ComparisonMeasure.Allocated)), run, baseline);

        Assert.True(outcome.IsOk, outcome.Error);
        Assert.Equal(0.25, outcome.Value!.Value, 12);
    }

    private static ComparisonOutcome Single(ComparisonsFile file, Socrates.BenchmarkAnalysis.Results.BenchmarkRunResults run, BaselineFile? baseline = null, string? problem = "no baseline") =>
        Assert.Single(BenchmarkComparer.Compare(file, run, baseline, baseline is null ? problem : null));

    private static BaselineFile BaselineOf(double[] reference, double[] after, double afterBytes = 1024) =>
        BaselineStore.Create(
            Run(Result("Reference", "Fixed", reference), Result("Load", "After", after, afterBytes)),
            s_reference,
            "ci",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
