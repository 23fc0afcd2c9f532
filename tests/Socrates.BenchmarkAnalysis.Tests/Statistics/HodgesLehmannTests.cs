using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class HodgesLehmannTests
{
    // R's wilcox.test help example with conf.int = TRUE: difference in location 0.305, 95 % CI
    // [-0.15, 0.76] (k = 9 of the 50 ordered differences, from the exact U distribution).
    private static readonly double[] s_rX = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    private static readonly double[] s_rY = [1.15, 0.88, 0.90, 0.74, 1.21];

    [Fact]
    public void Estimate_RExample_MatchesRShiftAndInterval()
    {
        var shift = HodgesLehmann.Estimate(s_rX, s_rY, 0.95);

        Assert.Equal(MannWhitneyMethod.Exact, shift.Method);
        Assert.Equal(0.305, shift.Estimate, 12);
        Assert.Equal(-0.15, shift.Lower, 12);
        Assert.Equal(0.76, shift.Upper, 12);
    }

    [Fact]
    public void Estimate_ExactlyShiftedSample_RecoversShift()
    {
        double[] y = [3, 1, 4, 1.5, 9, 2.6, 5.3, 5.8, 9.7, 9.3];
        var x = y.Select(v => v + 2).ToArray();

        var shift = HodgesLehmann.Estimate(x, y, 0.99);

        Assert.Equal(2, shift.Estimate, 12);
        Assert.True(shift.Lower <= 2 && 2 <= shift.Upper);
    }

    [Fact]
    public void Estimate_ThreeValuesEach_CannotReach95PercentAndIsUnbounded()
    {
        // P(U = 0) = 1/20 = 0.05 > 0.025: no pair of order statistics covers 95 %.
        var shift = HodgesLehmann.Estimate([1, 2, 3], [4, 5, 6], 0.95);

        Assert.False(shift.IsBounded);
        Assert.Equal(-3, shift.Estimate);
    }

    [Fact]
    public void Estimate_ManySeededNormalSamples_CoverageAtLeastNominal()
    {
        // 2,000 replicates of n = m = 15, true shift 0.7: a 95 % interval must cover it in at
        // least ~95 % of them (exact intervals are conservative); 93 % leaves room for the
        // binomial noise of 2,000 trials (sd ~0.5 %).
        var random = new Random(20_240_601);
        var covered = 0;
        const int replicates = 2000;
        for (var r = 0; r < replicates; r++)
        {
            var x = Normal(random, 15, 0.7);
            var y = Normal(random, 15, 0);
            var shift = HodgesLehmann.Estimate(x, y, 0.95);
            if (shift.Lower <= 0.7 && 0.7 <= shift.Upper)
            {
                covered++;
            }
        }

        Assert.InRange(covered / (double)replicates, 0.93, 1.0);
    }

    [Fact]
    public void Estimate_ExactMethod_IntervalExcludesZeroExactlyWhenTestRejects()
    {
        var random = new Random(42);
        for (var r = 0; r < 300; r++)
        {
            var x = Normal(random, 12, random.NextDouble() * 1.5);
            var y = Normal(random, 12, 0);
            var shift = HodgesLehmann.Estimate(x, y, 0.95);
            var test = MannWhitneyTest.Run(x, y);
            var excludesZero = shift.Lower > 0 || shift.Upper < 0;

            Assert.True(excludesZero == test.IsSignificant(0.95), $"replicate {r}: interval [{shift.Lower}, {shift.Upper}], p = {test.PValue}");
        }
    }

    [Fact]
    public void Estimate_LargeSamples_NormalCriticalValueGivesSensibleInterval()
    {
        var random = new Random(3);
        var x = Normal(random, 80, 1.0);
        var y = Normal(random, 80, 0);

        var shift = HodgesLehmann.Estimate(x, y, 0.99);

        Assert.Equal(MannWhitneyMethod.Normal, shift.Method);
        Assert.True(shift.Lower < 1 && 1 < shift.Upper, $"[{shift.Lower}, {shift.Upper}]");
        Assert.True(shift.Lower > 0.4, $"lower {shift.Lower}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Estimate_ConfidenceOutsideOpenInterval_Throws(double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HodgesLehmann.Estimate([1, 2], [3, 4], confidence));

    private static double[] Normal(Random random, int count, double mean) =>
        Enumerable.Range(0, count).Select(_ => mean + StandardNormal(random)).ToArray();

    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
