namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Scaling efficiency: how the readers' gain (N readers against one) compares with the
/// machine's gain (N CPU threads against one) in the same rounds, as the exponent e in
/// read gain = CPU gain ^ e, estimated as median(ln read gain) / median(ln CPU gain) over all
/// rounds. 1: reads scale as pure computation does; 0: N readers read no faster than one; below
/// 0: slower. Medians of log gains, because one round in a noise burst may be off by ten times
/// either way. The interval is a paired bootstrap over the rounds (each resample keeps a round's
/// read and CPU gains together), so a verdict is drawn only when the rounds' noise cannot have put
/// the figure on the wrong side of a threshold.
/// </summary>
internal sealed record ReaderScalingEstimate(double Efficiency, double Low, double High, int Rounds)
{
    /// <summary>One-sided miss probability of each bound (a 90% two-sided interval).</summary>
    public const double TailProbability = 0.05;

    private const int Resamples = 2_000;

    public static ReaderScalingEstimate Of(IReadOnlyList<(double ReadGain, double CpuGain)> rounds)
    {
        var logs = rounds.Select(r => (Read: Math.Log(r.ReadGain), Cpu: Math.Log(r.CpuGain))).ToArray();
        if (logs.Length == 0)
        {
            return new ReaderScalingEstimate(double.NaN, double.NaN, double.NaN, 0);
        }

        var random = new Random(17); // a fixed seed: the same rounds always give the same interval
        var estimates = new List<double>(Resamples);
        var read = new double[logs.Length];
        var cpu = new double[logs.Length];
        for (var s = 0; s < Resamples; s++)
        {
            for (var i = 0; i < logs.Length; i++)
            {
                (read[i], cpu[i]) = logs[random.Next(logs.Length)];
            }

            var estimate = Ratio(read, cpu);
            if (double.IsFinite(estimate))
            {
                estimates.Add(estimate); // a resample whose machine showed no gain at all says nothing
            }
        }

        estimates.Sort();
        return new ReaderScalingEstimate(
            Math.Round(Ratio([.. logs.Select(l => l.Read)], [.. logs.Select(l => l.Cpu)]), 3),
            estimates.Count == 0 ? double.NaN : Math.Round(estimates[(int)(TailProbability * estimates.Count)], 3),
            estimates.Count == 0 ? double.NaN : Math.Round(estimates[(int)((1 - TailProbability) * (estimates.Count - 1))], 3),
            logs.Length);
    }

    /// <summary>The median CPU gain of <paramref name="cpuGains"/>, the machine's parallel capacity of the run.</summary>
    public static double MedianGain(IEnumerable<double> cpuGains) => Math.Round(Math.Exp(Median([.. cpuGains.Select(g => Math.Log(g))])), 3);

    public bool Above(double threshold) => Low >= threshold;

    public bool Below(double threshold) => High < threshold;

    private static double Ratio(double[] read, double[] cpu)
    {
        var machine = Median(cpu);
        return machine > 0 ? Median(read) / machine : double.NaN;
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
