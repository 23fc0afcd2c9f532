using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Evaluation;
using static Socrates.BenchmarkAnalysis.Tests.SyntheticRuns;

namespace Socrates.BenchmarkAnalysis.Tests.Evaluation;

/// <summary>
/// Invariants every timed comparison must keep, checked over 200 seeded random sample pairs
/// (seed printed on failure): the estimate lies inside its interval, the result does not depend
/// on the unit of time (the basis of baseline normalisation), and swapping the sides inverts it.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ComparisonInvarianceTests
{
    private static readonly BenchmarkSelector s_before = Select("Load", "Before");
    private static readonly BenchmarkSelector s_after = Select("Load", "After");

    [Fact]
    public void Compare_RandomSamples_EstimateInsideIntervalScaleFreeAndSymmetric()
    {
        var strict = new NoiseFloors(0.99, 0, 0);
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var baseline = Samples(seed * 2, 1_000 + (random.NextDouble() * 9_000), 0.02 + (random.NextDouble() * 0.3), 5 + random.Next(40));
            var candidate = Samples((seed * 2) + 1, 1_000 + (random.NextDouble() * 9_000), 0.02 + (random.NextDouble() * 0.3), 5 + random.Next(40));
            var scale = 0.001 + (random.NextDouble() * 1000);

            var outcome = Compare(baseline, candidate, strict);
            var scaled = Compare([.. baseline.Select(s => s * scale)], [.. candidate.Select(s => s * scale)], strict);
            var swapped = Compare(candidate, baseline, strict);

            Assert.True(outcome.IsOk, $"seed {seed}: {outcome.Error}");
            Assert.True(outcome.Lower <= outcome.Estimate && outcome.Estimate <= outcome.Upper, $"seed {seed}: estimate {outcome.Estimate} outside [{outcome.Lower}, {outcome.Upper}]");
            Assert.True(Math.Abs(outcome.Estimate!.Value - scaled.Estimate!.Value) < 1e-9 * outcome.Estimate.Value, $"seed {seed}: scaling by {scale} changed the estimate");
            Assert.True(Math.Abs(outcome.Value!.Value - scaled.Value!.Value) < 1e-9 * outcome.Value.Value, $"seed {seed}: scaling by {scale} changed the value");
            Assert.True(Math.Abs((outcome.Estimate.Value * swapped.Estimate!.Value) - 1) < 1e-9, $"seed {seed}: swapping sides did not invert the estimate");
            Assert.Equal(outcome.Test!.PValue, swapped.Test!.PValue, 12);
            Assert.True(outcome.Value == 1 || outcome.Test.Significant, $"seed {seed}: a value other than 1 needs a significant difference");
        }
    }

    private static ComparisonOutcome Compare(double[] baseline, double[] candidate, NoiseFloors settings) =>
        Assert.Single(BenchmarkComparer.Compare(
            File(null, Speedup("bench.load.speedup", s_before, s_after, settings)),
            Run(Result("Load", "Before", baseline), Result("Load", "After", candidate)),
            null,
            "no baseline"));
}
