namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The two-sided Wilcoxon signed-rank test of paired differences (one sample) against a median of
/// 0. Zero differences are dropped (Wilcoxon's convention, as R's wilcox.test). Exact when fewer
/// than 50 nonzero differences remain and their absolute values have no ties; otherwise the normal
/// approximation with the tie-corrected variance n(n+1)(2n+1)/24 - Σ(t³-t)/48 and a continuity
/// correction of 1/2. Exact and normal methods reuse <see cref="MannWhitneyMethod"/>'s names.
/// Our own: Perfolizer has no signed-rank test.
/// </summary>
public static class WilcoxonSignedRankTest
{
    /// <param name="method">Null chooses (exact when possible); <see cref="MannWhitneyMethod.Normal"/> forces the approximation.</param>
    public static WilcoxonSignedRankResult Run(IReadOnlyList<double> differences, MannWhitneyMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0)
        {
            throw new ArgumentException("The signed-rank test needs at least one difference.", nameof(differences));
        }

        if (differences.Any(d => !double.IsFinite(d)))
        {
            throw new ArgumentException("The signed-rank test needs finite differences.", nameof(differences));
        }

        var nonzero = differences.Where(d => d != 0).ToArray();
        var zeros = differences.Count - nonzero.Length;
        var n = nonzero.Length;
        if (n == 0)
        {
            return new WilcoxonSignedRankResult(0, zeros, 0, 0, 1, MannWhitneyMethod.Normal, HasTies: false);
        }

        var (tPlus, tieTerm) = SignedRankSum(nonzero);
        var hasTies = tieTerm > 0;
        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1) * ((2.0 * n) + 1) / 24) - (tieTerm / 48);
        var z = MidRanks.ContinuityCorrectedZ(tPlus, mean, variance);

        var exactPossible = !hasTies && n < WilcoxonSignedRankDistribution.ExactLimit;
        if (method == MannWhitneyMethod.Exact && !exactPossible)
        {
            throw new ArgumentException($"The exact test needs fewer than {WilcoxonSignedRankDistribution.ExactLimit} nonzero differences without tied absolute values; got {n}{(hasTies ? " with ties" : string.Empty)}.", nameof(method));
        }

        if (exactPossible && method != MannWhitneyMethod.Normal)
        {
            var distribution = WilcoxonSignedRankDistribution.For(n);
            var t = (int)Math.Round(tPlus);
            var lower = distribution.CumulativeProbability(t);
            var upper = 1 - distribution.CumulativeProbability(t - 1);
            return new WilcoxonSignedRankResult(n, zeros, tPlus, z, Math.Min(1, 2 * Math.Min(lower, upper)), MannWhitneyMethod.Exact, hasTies);
        }

        var p = variance <= 0 ? 1 : Math.Min(1, 2 * NormalDistribution.Cdf(-Math.Abs(z)));
        return new WilcoxonSignedRankResult(n, zeros, tPlus, z, p, MannWhitneyMethod.Normal, hasTies);
    }

    /// <summary>T+ (mid-ranks of |d| summed over d &gt; 0) and the tie term Σ(t³ - t) over groups of equal |d|.</summary>
    internal static (double TPlus, double TieTerm) SignedRankSum(IReadOnlyList<double> nonzero) =>
        MidRanks.Sum(nonzero.Select(d => (Math.Abs(d), d > 0)));
}
