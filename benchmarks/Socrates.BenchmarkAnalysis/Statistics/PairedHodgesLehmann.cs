namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The one-sample Hodges-Lehmann estimate of the centre of paired differences d (the median of the
/// M = n(n+1)/2 Walsh averages (d_i + d_j)/2, i ≤ j) and its distribution-free confidence interval
/// [W(k), W(M+1-k)] (Tukey; Hollander and Wolfe), k the largest index with
/// P(T+ ≤ k-1) ≤ α/2 under the signed-rank null. Exact when the signed-rank test is (fewer than 50
/// differences, no zeros, no tied |d|); otherwise k = floor(M/2 - z·σ), σ tie-corrected, which
/// rounds towards a wider interval. The same critical value drives the exact test, so then the
/// interval excludes 0 exactly when the test rejects at the same level. Our own: Perfolizer has no
/// signed-rank test to drive the interval.
/// </summary>
public static class PairedHodgesLehmann
{
    public static ShiftEstimate Estimate(IReadOnlyList<double> differences, double confidence)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0)
        {
            throw new ArgumentException("A paired estimate needs at least one difference.", nameof(differences));
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level is strictly between 0 and 1.");
        }

        var n = differences.Count;
        var walsh = new double[n * (n + 1) / 2];
        var index = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                walsh[index++] = (differences[i] + differences[j]) / 2;
            }
        }

        Array.Sort(walsh);
        var estimate = SampleStatistics.QuantileOfSorted(walsh, 0.5);
        var (k, method) = CriticalIndex(differences, confidence);
        if (k < 1)
        {
            return new ShiftEstimate(estimate, double.NegativeInfinity, double.PositiveInfinity, confidence, method);
        }

        return new ShiftEstimate(estimate, walsh[k - 1], walsh[walsh.Length - k], confidence, method);
    }

    /// <summary>The 1-based order statistic k of the interval; 0 when no finite interval reaches the confidence.</summary>
    internal static (int K, MannWhitneyMethod Method) CriticalIndex(IReadOnlyList<double> differences, double confidence)
    {
        var n = differences.Count;
        var walshCount = n * (n + 1) / 2;
        var alphaHalf = (1 - confidence) / 2;
        var hasZero = differences.Any(d => d == 0);
        var (_, tieTerm) = WilcoxonSignedRankTest.SignedRankSum(differences.Where(d => d != 0).ToArray());
        if (!hasZero && tieTerm == 0 && n < WilcoxonSignedRankDistribution.ExactLimit)
        {
            var distribution = WilcoxonSignedRankDistribution.For(n);
            var k = 0;
            // Tiny tolerance: a cumulative probability may round just above α/2.
            while (k < walshCount / 2 && distribution.CumulativeProbability(k) <= alphaHalf * (1 + 1e-12))
            {
                k++;
            }

            return (k, MannWhitneyMethod.Exact);
        }

        var sigma = Math.Sqrt((n * (n + 1) * ((2.0 * n) + 1) / 24) - (tieTerm / 48));
        var z = NormalDistribution.Quantile(1 - alphaHalf);
        var critical = (int)Math.Floor((walshCount / 2.0) - (z * sigma));
        return (Math.Max(critical, 0), MannWhitneyMethod.Normal);
    }
}
