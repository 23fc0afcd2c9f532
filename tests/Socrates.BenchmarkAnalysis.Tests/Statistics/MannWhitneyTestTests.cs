using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class MannWhitneyTestTests
{
    // SciPy's documentation example (mannwhitneyu): males against females. U1 = 17; exact p = 1/9
    // (14 of the 126 orderings are at least as extreme); the asymptotic p with continuity
    // correction is 0.11134688653314041.
    private static readonly double[] s_males = [19, 22, 16, 29, 24];
    private static readonly double[] s_females = [20, 11, 17, 12];

    // R's wilcox.test help example: W = 35, exact two-sided p = 0.2544 (one-sided 0.1272).
    private static readonly double[] s_rX = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    private static readonly double[] s_rY = [1.15, 0.88, 0.90, 0.74, 1.21];

    [Fact]
    public void Run_SciPyExampleSmallSamples_ExactPValueIsOneNinth()
    {
        var result = MannWhitneyTest.Run(s_males, s_females);

        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
        Assert.Equal(17, result.U);
        Assert.Equal(1.0 / 9, result.PValue, 12);
    }

    [Fact]
    public void Run_SciPyExampleForcedNormal_MatchesAsymptoticPValue()
    {
        var result = MannWhitneyTest.Run(s_males, s_females, MannWhitneyMethod.Normal);

        Assert.Equal(MannWhitneyMethod.Normal, result.Method);
        Assert.Equal(1.5921683328090657, result.Z, 10);
        Assert.Equal(0.11134688653314041, result.PValue, 10);
    }

    [Fact]
    public void Run_RExampleTwoSided_MatchesRExactPValue()
    {
        var result = MannWhitneyTest.Run(s_rX, s_rY);

        Assert.Equal(35, result.U);
        Assert.Equal(0.2544122544122544, result.PValue, 12);
    }

    [Fact]
    public void Run_SwappedSamples_SamePValueAndComplementaryU()
    {
        var forward = MannWhitneyTest.Run(s_rX, s_rY);
        var backward = MannWhitneyTest.Run(s_rY, s_rX);

        Assert.Equal(forward.PValue, backward.PValue, 12);
        Assert.Equal(s_rX.Length * s_rY.Length, forward.U + backward.U);
    }

    [Fact]
    public void Run_TiedValues_UsesMidRanksAndTieCorrectedVariance()
    {
        // x = 1 2 2 3 4, y = 2 3 3 5 6 6. Pooled ranks: 1 -> 1; the three 2s -> 3; the three
        // 3s -> 6; 4 -> 8; 5 -> 9; the two 6s -> 10.5. R_x = 1+3+3+6+8 = 21, U = 21 - 15 = 6.
        // Ties: Σ(t³-t) = 24 + 24 + 6 = 54; σ² = 5·6/12·(12 - 54/110) = 28.772727...
        // z = (6 - 15 + 0.5)/σ = -1.5846319609981194; p = 2Φ(z) = 0.11304997885632297.
        var result = MannWhitneyTest.Run([1, 2, 2, 3, 4], [2, 3, 3, 5, 6, 6]);

        Assert.True(result.HasTies);
        Assert.Equal(MannWhitneyMethod.Normal, result.Method);
        Assert.Equal(6, result.U);
        Assert.Equal(-1.5846319609981194, result.Z, 10);
        Assert.Equal(0.11304997885632297, result.PValue, 10);
    }

    [Fact]
    public void Run_AllValuesEqual_PValueIsOne()
    {
        var result = MannWhitneyTest.Run([5, 5, 5], [5, 5, 5, 5]);

        Assert.Equal(1, result.PValue);
        Assert.Equal(6, result.U);
    }

    [Fact]
    public void Run_CompletelySeparatedSamples_SmallestPossibleExactPValue()
    {
        // All 10 above all 10: only 1 of C(20,10) = 184756 orderings, doubled for two sides.
        var low = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var high = Enumerable.Range(100, 10).Select(i => (double)i).ToArray();

        var result = MannWhitneyTest.Run(high, low);

        Assert.Equal(100, result.U);
        Assert.Equal(2.0 / 184756, result.PValue, 15);
        Assert.True(result.IsSignificant(0.999));
    }

    [Fact]
    public void Run_ExactRequestedWithTies_Throws() =>
        Assert.Throws<ArgumentException>(() => MannWhitneyTest.Run([1, 2], [2, 3], MannWhitneyMethod.Exact));

    [Fact]
    public void Run_EmptyOrNonFiniteSample_Throws()
    {
        Assert.Throws<ArgumentException>(() => MannWhitneyTest.Run([], [1.0]));
        Assert.Throws<ArgumentException>(() => MannWhitneyTest.Run([double.NaN], [1.0]));
    }

    [Fact]
    public void Run_LargeSamples_UsesNormalApproximationConsistentWithExactAtBoundary()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 60).Select(_ => random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, 60).Select(_ => random.NextDouble() + 0.35).ToArray();

        var result = MannWhitneyTest.Run(x, y);

        Assert.Equal(MannWhitneyMethod.Normal, result.Method);
        Assert.True(result.PValue < 0.01, $"p = {result.PValue}");
        Assert.True(result.Z < 0);
    }
}
