namespace Socrates.Properties.Tests.Stress;

/// <summary>The soak's statistics on hand-made series: no database, no heap, no clock.</summary>
[Trait("Category", "Unit")]
public sealed class HeapSlopeVerdictTests
{
    private const double Threshold = 256;

    [Fact]
    public void Estimate_LineWithOutliers_SlopeOfTheLineInsideTheInterval()
    {
        // 40 checkpoints on a 30 B/op line, wobbling by ±8 KB, three of them 400 KB off.
        var points = Enumerable.Range(0, 40).Select(i => (X: i * 100.0, Y: 3_000_000 + (30.0 * i * 100) + ((i % 3) - 1) * 8_000.0)).ToList();
        points[7] = (points[7].X, points[7].Y + 400_000);
        points[20] = (points[20].X, points[20].Y - 400_000);
        points[33] = (points[33].X, points[33].Y + 400_000);

        var estimate = TheilSen.Estimate(points);

        Assert.InRange(estimate.Slope, 25, 35);
        Assert.InRange(30, estimate.Lower, estimate.Upper);
        Assert.True(estimate.Upper < Threshold);
    }

    [Fact]
    public void Estimate_ExactLine_IntervalIsTheSlope()
    {
        var estimate = TheilSen.Estimate([.. Enumerable.Range(0, 10).Select(i => (i * 100.0, 2_048.0 * i * 100))]);

        Assert.Equal(2_048, estimate.Slope, 9);
        Assert.Equal(2_048, estimate.Lower, 9);
        Assert.Equal(2_048, estimate.Upper, 9);
    }

    [Fact]
    public void Estimate_ThousandsOfPoints_ThinnedToTheCap()
    {
        var estimate = TheilSen.Estimate([.. Enumerable.Range(0, 5_000).Select(i => (i * 100.0, 7.0 * i * 100))]);

        Assert.Equal(TheilSen.MaxPoints, estimate.Points);
        Assert.Equal(7, estimate.Slope, 9);
    }

    [Fact]
    public void Decide_OneFlatPhase_GreenWithItsSlope()
    {
        var verdict = HeapSlopeVerdict.Decide([new SlopeEstimate(28, 26, 31, 41)], Threshold);

        Assert.NotNull(verdict);
        Assert.True(verdict.Decided);
        Assert.Equal(HeapSlopeOutcome.Flat, verdict.Outcome);
        Assert.Equal(28, verdict.Slope);
    }

    [Fact]
    public void Decide_OneLeakingPhase_AsksForAnother()
    {
        Assert.Null(HeapSlopeVerdict.Decide([new SlopeEstimate(2_300, 2_280, 2_310, 41)], Threshold));
    }

    [Fact]
    public void Decide_TwoLeakingPhases_RedWithTheLowerSlope()
    {
        var verdict = HeapSlopeVerdict.Decide([new SlopeEstimate(2_300, 2_280, 2_310, 41), new SlopeEstimate(2_240, 2_238, 2_241, 41)], Threshold);

        Assert.NotNull(verdict);
        Assert.Equal(HeapSlopeOutcome.Leaking, verdict.Outcome);
        Assert.Equal(2_240, verdict.Slope);
    }

    [Fact]
    public void Decide_LeakingThenFlat_Green()
    {
        var verdict = HeapSlopeVerdict.Decide([new SlopeEstimate(320, 300, 340, 41), new SlopeEstimate(20, 10, 30, 41)], Threshold);

        Assert.NotNull(verdict);
        Assert.Equal(HeapSlopeOutcome.Flat, verdict.Outcome);
        Assert.Equal(20, verdict.Slope);
    }

    [Fact]
    public void Decide_IntervalStraddlesThresholdEveryPhase_InconclusiveAfterBudget()
    {
        var straddling = new SlopeEstimate(250, 100, 400, 41);

        Assert.Null(HeapSlopeVerdict.Decide([straddling, straddling], Threshold));
        var verdict = HeapSlopeVerdict.Decide([straddling, straddling, straddling], Threshold);

        Assert.NotNull(verdict);
        Assert.False(verdict.Decided);
        Assert.Equal(HeapSlopeOutcome.Undecided, verdict.Outcome);
        Assert.Contains("straddling 256", verdict.Reason, StringComparison.Ordinal);
    }
}
