using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class WilcoxonSignedRankTests
{
    // R's wilcox.test help example (Hollander & Wolfe, depression scale, x before / y after):
    // wilcox.test(x, y, paired = TRUE) gives V = 40, two-sided p-value 0.03906 (= 20/512).
    private static readonly double[] s_x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] s_y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    [Fact]
    public void Run_RPairedExample_MatchesRStatisticAndExactPValue()
    {
        var differences = s_x.Zip(s_y, (a, b) => a - b).ToArray();

        var result = WilcoxonSignedRankTest.Run(differences);

        Assert.Equal(MannWhitneyMethod.Exact, result.Method);
        Assert.Equal(40, result.TPlus);
        Assert.Equal(9, result.Size);
        Assert.Equal(20.0 / 512, result.PValue, 12);
        Assert.True(result.IsSignificant(0.95));
        Assert.False(result.IsSignificant(0.99));
    }

    [Fact]
    public void Run_AllPositive_PValueIsTwoOverTwoToTheN()
    {
        double[] differences = [1, 2, 3, 4, 5, 6, 7, 8];

        var result = WilcoxonSignedRankTest.Run(differences);

        Assert.Equal(36, result.TPlus);
        Assert.Equal(2.0 / 256, result.PValue, 15);
    }

    [Fact]
    public void Distribution_SmallN_MatchesEnumerationOfSignPatterns()
    {
        const int n = 10;
        var counts = new int[(n * (n + 1) / 2) + 1];
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var sum = 0;
            for (var rank = 1; rank <= n; rank++)
            {
                sum += (mask & (1 << (rank - 1))) != 0 ? rank : 0;
            }

            counts[sum]++;
        }

        var distribution = WilcoxonSignedRankDistribution.For(n);
        var running = 0;
        for (var t = 0; t < counts.Length; t++)
        {
            running += counts[t];
            Assert.Equal(running / 1024.0, distribution.CumulativeProbability(t), 15);
        }

        Assert.Equal(55, distribution.MaxT);
    }

    [Fact]
    public void Run_SymmetricDifferences_NotSignificant()
    {
        double[] differences = [-5, -3, -1, 1, 3, 5, 2, -2.5];

        var result = WilcoxonSignedRankTest.Run(differences);

        Assert.True(result.PValue > 0.5, $"p = {result.PValue}");
    }

    [Fact]
    public void Run_LargeSample_UsesNormalApproximationAgreeingWithExactNearby()
    {
        var differences = Enumerable.Range(1, 49).Select(i => (i % 3 == 0 ? -1 : 1) * (i + 0.5)).ToArray();

        var exact = WilcoxonSignedRankTest.Run(differences);
        var normal = WilcoxonSignedRankTest.Run(differences, MannWhitneyMethod.Normal);
        var large = WilcoxonSignedRankTest.Run([.. differences, 60.5]);

        Assert.Equal(MannWhitneyMethod.Exact, exact.Method);
        Assert.Equal(MannWhitneyMethod.Normal, normal.Method);
        Assert.Equal(MannWhitneyMethod.Normal, large.Method);
        Assert.Equal(exact.PValue, normal.PValue, 2);
    }

    [Fact]
    public void Run_TiesAndZeros_DropsZerosAndUsesMidRanks()
    {
        // |d| = 1, 1, 2 (zeros dropped): ranks 1.5, 1.5, 3; positives 1 and 2 -> T+ = 4.5.
        double[] differences = [0, 1, -1, 2, 0];

        var result = WilcoxonSignedRankTest.Run(differences);

        Assert.Equal(3, result.Size);
        Assert.Equal(2, result.Zeros);
        Assert.True(result.HasTies);
        Assert.Equal(MannWhitneyMethod.Normal, result.Method);
        Assert.Equal(4.5, result.TPlus);
    }

    [Fact]
    public void Run_ExactForcedWithTies_Throws()
    {
        Assert.Throws<ArgumentException>(() => WilcoxonSignedRankTest.Run([1, -1, 2], MannWhitneyMethod.Exact));
    }
}
