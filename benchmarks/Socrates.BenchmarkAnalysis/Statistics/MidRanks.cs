namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The rank machinery both rank tests share (Mann-Whitney on two samples, Wilcoxon on paired
/// differences): mid-ranks for ties, the tie term of the variance, and the continuity-corrected
/// z of the normal approximation.
/// </summary>
internal static class MidRanks
{
    /// <summary>
    /// Ranks <paramref name="items"/> by key (ties share their mid-rank) and returns the sum of the
    /// ranks of the marked items and the tie term Σ(t³ − t) over groups of tied keys.
    /// </summary>
    public static (double MarkedRankSum, double TieTerm) Sum(IEnumerable<(double Key, bool Marked)> items)
    {
        var sorted = items.OrderBy(p => p.Key).ToArray();
        double rankSum = 0, tieTerm = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1].Key == sorted[i].Key)
            {
                j++;
            }

            var tied = j - i + 1;
            var midRank = ((i + 1) + (j + 1)) / 2.0;
            for (var k = i; k <= j; k++)
            {
                if (sorted[k].Marked)
                {
                    rankSum += midRank;
                }
            }

            tieTerm += ((double)tied * tied * tied) - tied;
            i = j + 1;
        }

        return (rankSum, tieTerm);
    }

    /// <summary>The z of <paramref name="statistic"/> with a continuity correction of 0.5 (0 when the variance is 0).</summary>
    public static double ContinuityCorrectedZ(double statistic, double mean, double variance)
    {
        if (variance <= 0)
        {
            return 0;
        }

        var deviation = statistic - mean;
        var corrected = Math.Abs(deviation) <= 0.5 ? 0 : deviation - (0.5 * Math.Sign(deviation));
        return corrected / Math.Sqrt(variance);
    }
}
