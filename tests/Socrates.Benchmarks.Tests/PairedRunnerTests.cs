using Socrates.Benchmarks.Paired;

namespace Socrates.Benchmarks.Tests;

/// <summary>A pair's own settings (rounds, warm-up calls, timed slices) reach the runner; no timing is judged.</summary>
[Trait("Category", "Unit")]
public sealed class PairedRunnerTests
{
    private static readonly PairedSettings s_short = new(6, TimeSpan.FromMilliseconds(1), TimeSpan.Zero);

    [Fact]
    public void Run_PairWithOwnRoundsAndTimedSlices_RecordsThoseRoundsWithPositiveTimes()
    {
        var baselineCalls = 0;
        var candidateCalls = 0;
        var pair = PairDefinition.Pair("bench.paired.test", "test", PairDefinition.Speedup,
            ("Slow", () => ++baselineCalls + Spin(400)), ("Fast", () => ++candidateCalls + Spin(100))) with { Rounds = 3, MinimumWarmupCalls = 2, TimedSlices = true };
        var runner = new PairedRunner(s_short, "ci", [], TimeProvider.System);

        var samples = runner.Run(pair);

        Assert.Equal(3, samples.Rounds.Count);
        Assert.All(samples.Rounds, r => Assert.True(r.BaselineNs > 0 && r.CandidateNs > 0));
        Assert.True(baselineCalls >= 2 && candidateCalls >= 2);
    }

    [Fact]
    public void Run_PairWithoutOwnSettings_RunsTheProfilesRounds()
    {
        var pair = PairDefinition.Pair("bench.paired.test", "test", PairDefinition.Ratio, ("A", () => Spin(100)), ("B", () => Spin(100)));
        var runner = new PairedRunner(s_short, "ci", [], TimeProvider.System);

        Assert.Equal(s_short.Rounds, runner.Run(pair).Rounds.Count);
    }

    private static long Spin(int iterations)
    {
        var x = 1L;
        for (var i = 0; i < iterations; i++)
        {
            x = (x * 31) ^ i;
        }

        return x;
    }
}
