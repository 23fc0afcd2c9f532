using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis.Tests.Paired;

[Trait("Category", "Unit")]
public sealed class PairedRegressionTests
{
    // Ten stored runs of a ratio around 1.15 with about 4 % run-to-run spread.
    private static readonly PairedBaselineEntry s_baseline = new("ratio", [1.12, 1.18, 1.15, 1.10, 1.20, 1.14, 1.16, 1.13, 1.19, 1.11]);

    [Fact]
    public void Compute_RunInsideTheStoredSpread_NoRegression()
    {
        var regression = PairedRegression.Compute("x", 1.21, s_baseline, 0.99);

        Assert.False(regression.Significant);
        Assert.Equal(0, regression.Value);
        Assert.True(regression.Slowdown > 0.04, "the raw change is still reported");
        Assert.InRange(regression.DetectableSlowdown, 0.08, 0.15);
    }

    [Fact]
    public void Compute_SlowdownOfAThird_SignificantWithItsSize()
    {
        var regression = PairedRegression.Compute("x", 1.15 * 1.33, s_baseline, 0.99);

        Assert.True(regression.Significant);
        Assert.InRange(regression.Value, 0.30, 0.36);
        Assert.Equal("regression", regression.Verdict);
    }

    [Fact]
    public void Compute_FasterThanStored_NeverARegression()
    {
        var regression = PairedRegression.Compute("x", 0.5, s_baseline, 0.99);

        Assert.False(regression.Significant);
        Assert.Equal(0, regression.Value);
        Assert.True(regression.Slowdown < 0);
    }

    [Fact]
    public void Compute_NoisierStoredRuns_NeedALargerSlowdownToProveIt()
    {
        var noisy = new PairedBaselineEntry("ratio", [0.9, 1.5, 1.1, 1.3, 0.95, 1.4]);

        var quiet = PairedRegression.Compute("x", 1.45, s_baseline, 0.99);
        var loud = PairedRegression.Compute("x", 1.45, noisy, 0.99);

        Assert.True(quiet.Significant);
        Assert.False(loud.Significant);
        Assert.True(loud.DetectableSlowdown > quiet.DetectableSlowdown);
    }

    [Fact]
    public void Compute_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedRegression.Compute("x", 0, s_baseline, 0.99));
        Assert.Throws<ArgumentException>(() => PairedRegression.Compute("x", 1, new PairedBaselineEntry("ratio", [1, 1.1]), 0.99));
    }
}
