namespace Socrates.Properties.Tests.Stress;

/// <summary>The reader-scaling statistics on hand-made gains: no database, no threads, no clock.</summary>
[Trait("Category", "Unit")]
public sealed class ReaderScalingEstimateTests
{
    private const double Threshold = 0.5;

    [Fact]
    public void Of_V2GainsWhatTheBaselineGains_EfficiencyOneAboveTheLine()
    {
        var rounds = Enumerable.Range(0, 20).Select(i => (ReadGain: 1.6 + (0.01 * (i % 3)), BaselineGain: 1.6 + (0.01 * (i % 3)))).ToList();

        var estimate = ReaderScalingEstimate.Of(rounds);

        Assert.Equal(1, estimate.Efficiency!.Value, 2);
        Assert.True(estimate.Above(Threshold));
        Assert.False(estimate.Below(Threshold));
    }

    [Fact]
    public void Of_V2GainsNothingWhileTheBaselineGains_EfficiencyNearZeroBelowTheLine()
    {
        // The process-wide read lock: two V2 readers load no faster than one.
        var rounds = Enumerable.Range(0, 20).Select(i => (ReadGain: 0.97 + (0.03 * (i % 3)), BaselineGain: 1.5 + (0.05 * (i % 3)))).ToList();

        var estimate = ReaderScalingEstimate.Of(rounds);

        Assert.InRange(estimate.Efficiency!.Value, -0.1, 0.1);
        Assert.True(estimate.Below(Threshold));
    }

    [Fact]
    public void Of_BaselineWithoutGain_UndefinedAndUndecided()
    {
        // A machine with no core to spare: nothing to compare V2's gain with.
        var rounds = Enumerable.Range(0, 20).Select(i => (ReadGain: 1.2, BaselineGain: i % 2 == 0 ? 0.9 : 1.0)).ToList();

        var estimate = ReaderScalingEstimate.Of(rounds);

        Assert.Null(estimate.Efficiency);
        Assert.False(estimate.Above(Threshold));
        Assert.False(estimate.Below(Threshold));
    }

    [Fact]
    public void Of_NoRounds_UndefinedAndUndecided()
    {
        var estimate = ReaderScalingEstimate.Of([]);

        Assert.Null(estimate.Efficiency);
        Assert.Equal(0, estimate.Rounds);
        Assert.False(estimate.Above(Threshold) || estimate.Below(Threshold));
    }
}
