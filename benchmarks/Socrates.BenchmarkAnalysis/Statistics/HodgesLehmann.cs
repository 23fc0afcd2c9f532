namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The Hodges-Lehmann shift estimator and its distribution-free confidence interval (Lehmann
/// 1963; Bauer 1972). With the n·m differences D = x_i - y_j sorted, the interval
/// [D(k), D(nm+1-k)] covers the true shift with probability at least 1 - 2·P(U ≤ k-1), U the
/// Mann-Whitney statistic under the null; k is the largest index keeping that at or above the
/// requested confidence. P(U ≤ ·) is exact when the Mann-Whitney test is (no ties, n and m below
/// 50); otherwise k = floor(nm/2 - z·σ_U), σ_U tie-corrected, which rounds towards a wider
/// interval. Because the same critical value drives both, the interval excludes 0 exactly when
/// the exact test rejects at the same level. Our own, so that the interval shares its critical
/// value and tie handling with <see cref="MannWhitneyTest"/> (which stays ours, see there).
/// </summary>
public static class HodgesLehmann
{
    public static ShiftEstimate Estimate(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException($"A shift estimate needs two non-empty samples; got {x.Count} and {y.Count} values.", nameof(x));
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level is strictly between 0 and 1.");
        }

        var differences = new double[x.Count * y.Count];
        var index = 0;
        foreach (var xi in x)
        {
            foreach (var yj in y)
            {
                differences[index++] = xi - yj;
            }
        }

        Array.Sort(differences);
        var estimate = SampleStatistics.QuantileOfSorted(differences, 0.5);
        var (k, method) = CriticalIndex(x, y, confidence);
        if (k < 1)
        {
            return new ShiftEstimate(estimate, double.NegativeInfinity, double.PositiveInfinity, confidence, method);
        }

        return new ShiftEstimate(estimate, differences[k - 1], differences[differences.Length - k], confidence, method);
    }

    /// <summary>The 1-based order statistic k of the interval; 0 when no finite interval reaches the confidence.</summary>
    internal static (int K, MannWhitneyMethod Method) CriticalIndex(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence)
    {
        int n = x.Count, m = y.Count;
        var alphaHalf = (1 - confidence) / 2;
        var (_, tieTerm) = MannWhitneyTest.RankSum(x, y);
        if (tieTerm == 0 && n < MannWhitneyDistribution.ExactLimit && m < MannWhitneyDistribution.ExactLimit)
        {
            var distribution = MannWhitneyDistribution.For(n, m);
            var k = 0;
            // Tiny tolerance: P(U ≤ k-1) computed as a ratio of big integers may round just above α/2.
            while (k < (n * m / 2) && distribution.CumulativeProbability(k) <= alphaHalf * (1 + 1e-12))
            {
                k++;
            }

            return (k, MannWhitneyMethod.Exact);
        }

        var total = n + m;
        var sigma = Math.Sqrt(n * (double)m / 12 * (total + 1 - (tieTerm / (total * (total - 1.0)))));
        var z = NormalDistribution.Quantile(1 - alphaHalf);
        var critical = (int)Math.Floor((n * (double)m / 2) - (z * sigma));
        return (Math.Max(critical, 0), MannWhitneyMethod.Normal);
    }
}
