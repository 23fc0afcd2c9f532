using Socrates.Evidence;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis.Tests.Paired;

[Trait("Category", "Unit")]
public sealed class PairedComparisonTests
{
    // Drift across rounds (each round 3 % slower than the last) with per-round noise: a paired
    // comparison cancels the drift; the ratio of the two sides stays the given one.
    internal static PairedSamples Samples(string kind, double ratio, int rounds = 30, double noise = 0.05)
    {
        var list = new List<PairedRound>();
        for (var r = 0; r < rounds; r++)
        {
            var drift = Math.Pow(1.03, r);
            var wobble = 1 + (noise * Math.Sin((r * 2.399) + 0.7));
            list.Add(new PairedRound(1000 * drift, 1000 * drift * ratio * wobble));
        }

        return new PairedSamples("bench.paired.test", "test", kind, "Before", "After", 10, 10, "ABBA", "quick", [], DateTimeOffset.UnixEpoch, list);
    }

    [Fact]
    public void Compute_CandidateTwiceAsFast_SpeedupLowerBoundNearTwo()
    {
        var (comparison, error) = PairedComparison.Compute(Samples(PairedSamples.SpeedupKind, 0.5), NoiseFloors.Default);

        Assert.Null(error);
        Assert.NotNull(comparison);
        Assert.True(comparison.IsDifference);
        Assert.InRange(comparison.Estimate, 1.95, 2.05);
        Assert.InRange(comparison.Value, 1.85, comparison.Estimate);
        Assert.Equal(comparison.Lower, comparison.Value);
    }

    [Fact]
    public void Compute_CandidateSlower_RatioIsUpperBound()
    {
        var (comparison, _) = PairedComparison.Compute(Samples(PairedSamples.RatioKind, 2.4), NoiseFloors.Default);

        Assert.NotNull(comparison);
        Assert.Equal("candidate slower", comparison.Verdict);
        Assert.InRange(comparison.Estimate, 2.3, 2.5);
        Assert.Equal(comparison.Upper, comparison.Value);
        Assert.True(comparison.Value >= comparison.Estimate);
    }

    [Fact]
    public void Compute_NoDifference_ValueIsOne()
    {
        var (speedup, _) = PairedComparison.Compute(Samples(PairedSamples.SpeedupKind, 1.0), NoiseFloors.Default);
        var (ratio, _) = PairedComparison.Compute(Samples(PairedSamples.RatioKind, 1.01, noise: 0.001), NoiseFloors.Default);

        Assert.NotNull(speedup);
        Assert.NotNull(ratio);
        Assert.Equal(1, speedup.Value);
        Assert.False(speedup.IsDifference);
        Assert.True(ratio.WithinNoiseFloor);
        Assert.Equal(1, ratio.Value);
    }

    [Fact]
    public void Compute_TooFewRounds_Error()
    {
        var (comparison, error) = PairedComparison.Compute(Samples(PairedSamples.RatioKind, 2, rounds: 5), NoiseFloors.Default);

        Assert.Null(comparison);
        Assert.Contains("too few", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_UnknownKindOrBadTime_Error()
    {
        var bad = Samples(PairedSamples.RatioKind, 2) with { Rounds = [new PairedRound(0, 1)] };

        Assert.NotNull(PairedComparison.Compute(Samples("regression", 2), NoiseFloors.Default).Error);
        Assert.NotNull(PairedComparison.Compute(bad, NoiseFloors.Default).Error);
    }
    [Fact]
    public void Compute_ThirdOfRoundsWithASlowerBaseline_MedianRatioKeepsTheMajorityWhereHodgesLehmannMoves()
    {
        // The point load's case: in some processes a third of the rounds ran the floor 1.5x slower,
        // V2 unchanged, so those rounds read ~0.73 and the rest ~1.09. The Hodges-Lehmann estimate
        // (breakdown ~29 %) leaves the majority; the median of the rounds (50 %) stays with it.
        var rounds = new List<PairedRound>();
        for (var r = 0; r < 48; r++)
        {
            var wobble = 1 + (0.01 * Math.Sin((r * 2.399) + 0.7));
            var floor = r % 3 == 1 ? 1500.0 : 1000.0;
            rounds.Add(new PairedRound(floor, 1090 * wobble));
        }

        var samples = Samples(PairedSamples.RatioKind, 1) with { Rounds = rounds };
        var (comparison, error) = PairedComparison.Compute(samples, NoiseFloors.Default);

        Assert.Null(error);
        Assert.InRange(comparison!.MedianRatio, 1.08, 1.10);
        Assert.True(comparison.Ratio < 1.0, $"Hodges-Lehmann {comparison.Ratio:F3}: the contamination no longer moves it, so this test no longer shows why the median is used");
    }

    [Fact]
    public void Compute_UniformSlowdown_MedianRatioFollowsIt()
    {
        var (comparison, _) = PairedComparison.Compute(Samples(PairedSamples.RatioKind, 1.33, noise: 0.02), NoiseFloors.Default);

        Assert.InRange(comparison!.MedianRatio, 1.30, 1.36);
        Assert.InRange(comparison.MedianRatio / comparison.Ratio, 0.98, 1.02);
    }
}
