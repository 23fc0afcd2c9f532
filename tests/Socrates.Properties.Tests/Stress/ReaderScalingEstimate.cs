namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Scaling efficiency: how V2's gain (N readers against one) compares with the bare SQLite
/// baseline's gain (<see cref="ReaderScalingBaseline"/>, N readers against one) in the same
/// rounds, as the exponent e in V2 gain = baseline gain ^ e, estimated as median(ln V2 gain) /
/// median(ln baseline gain) over all rounds. 1: V2's readers scale as bare SQLite's do; 0: N
/// readers read no faster than one; below 0: slower. Medians of log gains, because one round in a noise burst may be off by ten times
/// either way. The interval is a paired bootstrap over the rounds (each resample keeps a round's
/// V2 and baseline gains together), so a verdict is drawn only when the rounds' noise cannot have put
/// the figure on the wrong side of a threshold. Null when undefined: the baseline showed no
/// median gain at all (a machine with no core to spare), so there is nothing to compare with.
/// </summary>
internal sealed record ReaderScalingEstimate(double? Efficiency, double? Low, double? High, int Rounds)
{
    /// <summary>One-sided miss probability of each bound (a 90% two-sided interval).</summary>
    public const double TailProbability = 0.05;

    private const int Resamples = 2_000;

    public static ReaderScalingEstimate Of(IReadOnlyList<(double ReadGain, double BaselineGain)> rounds)
    {
        var logs = rounds.Select(r => (Read: Math.Log(r.ReadGain), Baseline: Math.Log(r.BaselineGain))).ToArray();
        if (logs.Length == 0)
        {
            return new ReaderScalingEstimate(null, null, null, 0);
        }

        var random = new Random(17); // a fixed seed: the same rounds always give the same interval
        var estimates = new List<double>(Resamples);
        var read = new double[logs.Length];
        var baseline = new double[logs.Length];
        for (var s = 0; s < Resamples; s++)
        {
            for (var i = 0; i < logs.Length; i++)
            {
                (read[i], baseline[i]) = logs[random.Next(logs.Length)];
            }

            var estimate = Ratio(read, baseline);
            if (double.IsFinite(estimate))
            {
                estimates.Add(estimate); // a resample whose baseline showed no gain at all says nothing
            }
        }

        estimates.Sort();
        var efficiency = Ratio([.. logs.Select(l => l.Read)], [.. logs.Select(l => l.Baseline)]);
        return new ReaderScalingEstimate(
            double.IsFinite(efficiency) ? Math.Round(efficiency, 3) : null,
            estimates.Count == 0 ? null : Math.Round(estimates[(int)(TailProbability * estimates.Count)], 3),
            estimates.Count == 0 ? null : Math.Round(estimates[(int)((1 - TailProbability) * (estimates.Count - 1))], 3),
            logs.Length);
    }

    /// <summary>The median of <paramref name="gains"/> (geometric: the median of their logarithms).</summary>
    public static double MedianGain(IEnumerable<double> gains) => Math.Round(Math.Exp(Median([.. gains.Select(g => Math.Log(g))])), 3);

    public bool Above(double threshold) => Efficiency is not null && Low >= threshold;

    public bool Below(double threshold) => Efficiency is not null && High < threshold;

    private static double Ratio(double[] read, double[] baseline)
    {
        var reference = Median(baseline);
        return reference > 0 ? Median(read) / reference : double.NaN;
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
