namespace Socrates.Core.Migration.Progress;

/// <summary>
/// Tracks rows done against a total and reports <see cref="MigrationProgressSnapshot"/>s: the
/// rate is measured over a sliding window (so it follows the current speed, not the average
/// since start), the ETA is the remaining rows at that rate (null while the rate is unknown).
/// Time comes from a <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class MigrationProgress
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Timestamp, long Rows)> _samples = new();
    private readonly IProgress<MigrationProgressSnapshot>? _sink;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly long _started;
    private readonly string _phase;
    private readonly string? _table;
    private long _rowsDone;

    public MigrationProgress(long rowsTotal, IProgress<MigrationProgressSnapshot>? sink = null, TimeProvider? timeProvider = null, TimeSpan? window = null, long rowsDone = 0, string phase = "copy", string? table = null)
    {
        _phase = phase;
        _table = table;
        ArgumentOutOfRangeException.ThrowIfNegative(rowsTotal);
        ArgumentOutOfRangeException.ThrowIfNegative(rowsDone);
        _window = window ?? TimeSpan.FromSeconds(10);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_window, TimeSpan.Zero, nameof(window));
        RowsTotal = rowsTotal;
        _sink = sink;
        _time = timeProvider ?? TimeProvider.System;
        _started = _time.GetTimestamp();
        _rowsDone = rowsDone;
        _samples.Enqueue((_started, rowsDone));
    }

    public long RowsTotal { get; }

    /// <summary>Adds <paramref name="rows"/> done and reports the new snapshot.</summary>
    public MigrationProgressSnapshot Advance(long rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        MigrationProgressSnapshot snapshot;
        lock (_gate)
        {
            _rowsDone += rows;
            var now = _time.GetTimestamp();
            _samples.Enqueue((now, _rowsDone));

            // Keep the newest sample at or before the window's start as the baseline.
            var windowStart = now - (long)(_window.TotalSeconds * _time.TimestampFrequency);
            while (_samples.Count > 2 && ElementAt(1).Timestamp <= windowStart)
            {
                _samples.Dequeue();
            }

            var (baseTime, baseRows) = _samples.Peek();
            var seconds = (double)(now - baseTime) / _time.TimestampFrequency;
            var rate = seconds > 0 ? (_rowsDone - baseRows) / seconds : 0.0;
            var remaining = Math.Max(0, RowsTotal - _rowsDone);
            TimeSpan? eta = remaining == 0 ? TimeSpan.Zero : rate > 0 ? TimeSpan.FromSeconds(remaining / rate) : null;
            snapshot = new MigrationProgressSnapshot(_rowsDone, RowsTotal, rate, eta, _time.GetElapsedTime(_started, now)) { Phase = _phase, Table = _table };
        }

        _sink?.Report(snapshot);
        return snapshot;
    }

    private (long Timestamp, long Rows) ElementAt(int index) => _samples.ElementAt(index);
}
