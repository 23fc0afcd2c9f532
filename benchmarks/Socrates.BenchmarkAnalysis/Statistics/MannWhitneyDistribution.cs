using System.Collections.Concurrent;
using System.Numerics;

namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The exact null distribution of the Mann-Whitney U statistic for samples of sizes n and m
/// without ties: the number of orderings giving U = u is the coefficient of q^u in the Gaussian
/// binomial coefficient [n+m choose n]_q, computed exactly with big integers as the product over
/// i = 1..n of (1 - q^(m+i)) / (1 - q^i). Cumulative probabilities are cached per (n, m).
/// </summary>
public sealed class MannWhitneyDistribution
{
    /// <summary>Exact computation is used below this sample size (as R's wilcox.test does).</summary>
    public const int ExactLimit = 50;

    private static readonly ConcurrentDictionary<(int N, int M), MannWhitneyDistribution> s_cache = new();

    private readonly double[] _cumulative;

    private MannWhitneyDistribution(int n, int m)
    {
        SizeX = n;
        SizeY = m;
        var counts = Counts(Math.Min(n, m), Math.Max(n, m));
        var total = counts.Aggregate(BigInteger.Zero, (sum, c) => sum + c);
        _cumulative = new double[counts.Length];
        var running = BigInteger.Zero;
        for (var u = 0; u < counts.Length; u++)
        {
            running += counts[u];
            _cumulative[u] = (double)running / (double)total;
        }
    }

    public int SizeX { get; }

    public int SizeY { get; }

    /// <summary>The largest value U can take: n·m.</summary>
    public int MaxU => SizeX * SizeY;

    /// <summary>The distribution for sizes <paramref name="n"/> and <paramref name="m"/> (both in 1..49).</summary>
    public static MannWhitneyDistribution For(int n, int m)
    {
        if (n < 1 || m < 1 || n >= ExactLimit || m >= ExactLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), $"The exact U distribution is computed for sizes 1..{ExactLimit - 1}; got n={n}, m={m}.");
        }

        return s_cache.GetOrAdd((n, m), key => new MannWhitneyDistribution(key.N, key.M));
    }

    /// <summary>P(U ≤ <paramref name="u"/>).</summary>
    public double CumulativeProbability(int u) =>
        u < 0 ? 0 : u >= _cumulative.Length ? 1 : _cumulative[u];

    private static BigInteger[] Counts(int n, int m)
    {
        var length = (n * m) + 1;
        var poly = new BigInteger[length];
        poly[0] = BigInteger.One;
        for (var i = 1; i <= n; i++)
        {
            // Multiply by (1 - q^(m+i)): the result of step i is still a polynomial of degree
            // i·m after the division below, so terms beyond the final degree never matter.
            var shift = m + i;
            for (var k = length - 1; k >= shift; k--)
            {
                poly[k] -= poly[k - shift];
            }

            // Divide by (1 - q^i): multiply by 1 + q^i + q^(2i) + ... (a running sum).
            for (var k = i; k < length; k++)
            {
                poly[k] += poly[k - i];
            }
        }

        return poly;
    }
}
