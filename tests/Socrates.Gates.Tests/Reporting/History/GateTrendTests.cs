using Socrates.Gates.Config;
using Socrates.Gates.Reporting.History;

namespace Socrates.Gates.Tests.Reporting.History;

[Trait("Category", "Unit")]
public sealed class GateTrendTests
{
    private static List<RunRecord> Runs(string profile, params double[] values) =>
        [.. values.Select((v, i) => new RunRecord("c" + i, DateTimeOffset.UnixEpoch.AddDays(i), profile, "GO", [new GatePoint("g", v, "pass")]))];

    [Fact]
    public void Of_EveryStepCloserAndMarginHalved_Drifting()
    {
        // min gate, fail 1.0: margins 1.0, 0.8, 0.6, now 0.4.
        var trend = GateTrend.Of("g", "ci", 1.0, Direction.Min, 1.4, red: false, Runs("ci", 2.0, 1.8, 1.6));

        Assert.NotNull(trend);
        Assert.Equal([2.0, 1.8, 1.6, 1.4], trend.Values);
        Assert.True(trend.Drifting);
    }

    [Fact]
    public void Of_OneStepAway_NotDrifting()
    {
        var trend = GateTrend.Of("g", "ci", 1.0, Direction.Min, 1.4, red: false, Runs("ci", 2.0, 1.6, 1.8));

        Assert.False(trend!.Drifting);
    }

    [Fact]
    public void Of_SteadyCloserButMarginStillWide_NotDrifting()
    {
        // max gate, fail 10: margins 9.0, 8.9, 8.8, 8.7: closer every run, but nowhere near the line.
        var trend = GateTrend.Of("g", "ci", 10, Direction.Max, 1.3, red: false, Runs("ci", 1.0, 1.1, 1.2));

        Assert.False(trend!.Drifting);
    }

    [Fact]
    public void Of_AlreadyRed_NotDrifting()
    {
        var trend = GateTrend.Of("g", "ci", 1.0, Direction.Min, 0.5, red: true, Runs("ci", 2.0, 1.5, 1.2));

        Assert.False(trend!.Drifting);
    }

    [Fact]
    public void Of_OtherProfilesRuns_Ignored()
    {
        var history = Runs("full", 5.0, 6.0).Concat(Runs("ci", 2.0)).ToList();

        var trend = GateTrend.Of("g", "ci", 1.0, Direction.Min, 2.5, red: false, history);

        Assert.Equal([2.0, 2.5], trend!.Values);
    }

    [Fact]
    public void Of_NoEarlierFigure_NoTrend()
    {
        Assert.Null(GateTrend.Of("g", "ci", 1.0, Direction.Min, 2.5, red: false, Runs("full", 3.0)));
    }
}
