namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The two-sided Mann-Whitney U (Wilcoxon rank-sum) test. Exact when neither sample has 50 or
/// more values and there are no ties; otherwise the normal approximation with the tie-corrected
/// variance n·m/12·((N+1) - Σ(t³-t)/(N(N-1))) and a continuity correction of 1/2, as R's
/// wilcox.test, whose p-values the tests pin. Not Perfolizer's: its test has no tie correction and
/// rounds U to an integer, so on tied samples (timings quantised by the clock) it gives other p-values.
/// </summary>
public static class MannWhitneyTest
{
    /// <param name="method">Null chooses (exact when possible); <see cref="MannWhitneyMethod.Normal"/> forces the approximation.</param>
    public static MannWhitneyResult Run(IReadOnlyList<double> x, IReadOnlyList<double> y, MannWhitneyMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException($"The Mann-Whitney test needs two non-empty samples; got {x.Count} and {y.Count} values.", nameof(x));
        }

        if (x.Concat(y).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("The Mann-Whitney test needs finite values.", nameof(x));
        }

        var (rankSumX, tieTerm) = RankSum(x, y);
        int n = x.Count, m = y.Count;
        var u = rankSumX - (n * (n + 1) / 2.0);
        var mean = n * (double)m / 2;
        var hasTies = tieTerm > 0;
        var total = n + m;
        var variance = n * (double)m / 12 * (total + 1 - (tieTerm / (total * (total - 1.0))));
        var z = MidRanks.ContinuityCorrectedZ(u, mean, variance);

        var exactPossible = !hasTies && n < MannWhitneyDistribution.ExactLimit && m < MannWhitneyDistribution.ExactLimit;
        if (method == MannWhitneyMethod.Exact && !exactPossible)
        {
            throw new ArgumentException($"The exact test needs samples without ties, each under {MannWhitneyDistribution.ExactLimit} values; got {n} and {m}{(hasTies ? " with ties" : string.Empty)}.", nameof(method));
        }

        if (exactPossible && method != MannWhitneyMethod.Normal)
        {
            var distribution = MannWhitneyDistribution.For(n, m);
            var k = (int)Math.Round(u);
            var lower = distribution.CumulativeProbability(k);
            var upper = 1 - distribution.CumulativeProbability(k - 1);
            return new MannWhitneyResult(n, m, u, z, Math.Min(1, 2 * Math.Min(lower, upper)), MannWhitneyMethod.Exact, hasTies);
        }

        var p = variance <= 0 ? 1 : Math.Min(1, 2 * NormalDistribution.Cdf(-Math.Abs(z)));
        return new MannWhitneyResult(n, m, u, z, p, MannWhitneyMethod.Normal, hasTies);
    }

    /// <summary>The tie-corrected variance term Σ(t³ - t) over groups of equal values, and the rank sum of x (mid-ranks).</summary>
    internal static (double RankSumX, double TieTerm) RankSum(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        MidRanks.Sum(x.Select(v => (v, true)).Concat(y.Select(v => (v, false))));
}
