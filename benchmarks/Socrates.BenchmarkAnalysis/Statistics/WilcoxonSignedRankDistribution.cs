using System.Collections.Concurrent;

namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The exact null distribution of the Wilcoxon signed-rank statistic T+ for n nonzero differences
/// without ties: each of the 2^n sign patterns is equally likely, so the number of patterns giving
/// T+ = t is the number of subsets of {1..n} summing to t (a subset-sum count, exact in 64-bit
/// integers for n below 50). Cumulative probabilities are cached per n.
/// </summary>
public sealed class WilcoxonSignedRankDistribution
{
    /// <summary>Exact computation is used below this many differences (as for the Mann-Whitney test).</summary>
    public const int ExactLimit = 50;

    private static readonly ConcurrentDictionary<int, WilcoxonSignedRankDistribution> s_cache = new();

    private readonly double[] _cumulative;

    private WilcoxonSignedRankDistribution(int n)
    {
        Size = n;
        var max = n * (n + 1) / 2;
        var counts = new long[max + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var t = max; t >= rank; t--)
            {
                counts[t] += counts[t - rank];
            }
        }

        var total = Math.Pow(2, n);
        _cumulative = new double[max + 1];
        long running = 0;
        for (var t = 0; t <= max; t++)
        {
            running += counts[t];
            _cumulative[t] = running / total;
        }
    }

    public int Size { get; }

    /// <summary>The largest value T+ can take: n(n+1)/2.</summary>
    public int MaxT => Size * (Size + 1) / 2;

    /// <summary>The distribution for <paramref name="n"/> differences (1..49).</summary>
    public static WilcoxonSignedRankDistribution For(int n)
    {
        if (n < 1 || n >= ExactLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"The exact signed-rank distribution is computed for 1..{ExactLimit - 1} differences.");
        }

        return s_cache.GetOrAdd(n, size => new WilcoxonSignedRankDistribution(size));
    }

    /// <summary>P(T+ ≤ <paramref name="t"/>).</summary>
    public double CumulativeProbability(int t) =>
        t < 0 ? 0 : t >= _cumulative.Length ? 1 : _cumulative[t];
}
