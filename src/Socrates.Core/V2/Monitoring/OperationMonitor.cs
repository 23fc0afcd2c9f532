using System.Collections.Concurrent;

namespace Socrates.Core.V2.Monitoring;

/// <summary>
/// Records every public database operation: count, errors, latency percentiles over a bounded
/// window, and the most recent operations slower than a threshold. <see cref="Snapshot"/> exports
/// it for metrics. Memory is bounded: one window per operation name, a capped slow list.
/// </summary>
public sealed class OperationMonitor
{
    private readonly ConcurrentDictionary<string, LatencyWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlowOperation> _slow = new();
    private readonly TimeSpan _slowThreshold;
    private readonly int _samplesPerOperation;
    private readonly int _slowKept;
    private readonly TimeProvider _time;

    public OperationMonitor(TimeSpan slowThreshold, int samplesPerOperation = 4096, int slowKept = 256, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowThreshold, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerOperation, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowKept, 1);
        _slowThreshold = slowThreshold;
        _samplesPerOperation = samplesPerOperation;
        _slowKept = slowKept;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Records one finished operation.</summary>
    public void Record(string operation, TimeSpan elapsed, bool success, string? key = null)
    {
        var slow = elapsed >= _slowThreshold;
        _windows.GetOrAdd(operation, static (_, capacity) => new LatencyWindow(capacity), _samplesPerOperation)
            .Add(elapsed.TotalMilliseconds, success, slow);
        if (slow)
        {
            _slow.Enqueue(new SlowOperation(operation, key, elapsed.TotalMilliseconds, success, _time.GetUtcNow()));
            while (_slow.Count > _slowKept && _slow.TryDequeue(out _))
            {
            }
        }
    }

    /// <summary>A frozen copy of everything recorded so far, operations sorted by name.</summary>
    public MonitorSnapshot Snapshot() =>
        new(
            _time.GetUtcNow(),
            _slowThreshold.TotalMilliseconds,
            _windows.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.ToStats(p.Key)).ToList(),
            _slow.ToArray());

    /// <summary>Forgets everything (for a fresh measurement window).</summary>
    public void Reset()
    {
        _windows.Clear();
        _slow.Clear();
    }
}
