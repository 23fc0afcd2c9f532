using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class MannWhitneyDistributionTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(5, 5)]
    [InlineData(2, 7)]
    [InlineData(6, 4)]
    public void CumulativeProbability_SmallSizes_MatchesBruteForceEnumeration(int n, int m)
    {
        var counts = BruteForceCounts(n, m);
        var total = counts.Sum();
        var distribution = MannWhitneyDistribution.For(n, m);

        long running = 0;
        for (var u = 0; u <= n * m; u++)
        {
            running += counts[u];
            Assert.Equal((double)running / total, distribution.CumulativeProbability(u), 14);
        }

        Assert.Equal(0, distribution.CumulativeProbability(-1));
        Assert.Equal(1, distribution.CumulativeProbability((n * m) + 5));
    }

    [Fact]
    public void CumulativeProbability_LargestExactSize_IsSymmetricAndEndsAtOne()
    {
        var distribution = MannWhitneyDistribution.For(49, 49);
        var max = distribution.MaxU;

        Assert.Equal(1, distribution.CumulativeProbability(max), 12);
        for (var u = 0; u < max; u += 97)
        {
            // P(U <= u) = P(U >= max - u) = 1 - P(U <= max - u - 1).
            Assert.Equal(distribution.CumulativeProbability(u), 1 - distribution.CumulativeProbability(max - u - 1), 12);
        }
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(50, 5)]
    public void For_SizeOutsideExactRange_Throws(int n, int m) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MannWhitneyDistribution.For(n, m));

    // Every way to place n x's among n+m positions; U = pairs (x above y).
    private static long[] BruteForceCounts(int n, int m)
    {
        var counts = new long[(n * m) + 1];
        for (var mask = 0; mask < 1 << (n + m); mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != n)
            {
                continue;
            }

            int u = 0, ysBelow = 0;
            for (var position = 0; position < n + m; position++)
            {
                if ((mask & (1 << position)) != 0)
                {
                    u += ysBelow;
                }
                else
                {
                    ysBelow++;
                }
            }

            counts[u]++;
        }

        return counts;
    }
}
