namespace Socrates.Core.V2.Monitoring;

/// <summary>
/// One operation's counters and its latest <c>capacity</c> latencies (a ring: memory is bounded,
/// percentiles describe recent behaviour). Thread safe by a lock held for a few instructions.
/// </summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly double[] _samples = new double[capacity];
    private readonly Lock _lock = new();
    private long _count;
    private long _errors;
    private long _slow;
    private double _sum;
    private double _max;

    public void Add(double milliseconds, bool success, bool slow)
    {
        lock (_lock)
        {
            _samples[_count % _samples.Length] = milliseconds;
            _count++;
            _sum += milliseconds;
            _max = Math.Max(_max, milliseconds);
            _errors += success ? 0 : 1;
            _slow += slow ? 1 : 0;
        }
    }

    public OperationStats ToStats(string operation)
    {
        double[] sorted;
        long count, errors, slow;
        double sum, max;
        lock (_lock)
        {
            count = _count;
            errors = _errors;
            slow = _slow;
            sum = _sum;
            max = _max;
            sorted = _samples.AsSpan(0, (int)Math.Min(count, _samples.Length)).ToArray();
        }

        Array.Sort(sorted);
        return new OperationStats(
            operation, count, errors, slow, sorted.Length,
            count == 0 ? 0 : sum / count,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), max);
    }

    /// <summary>Nearest-rank percentile of sorted samples (0 when empty).</summary>
    internal static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
