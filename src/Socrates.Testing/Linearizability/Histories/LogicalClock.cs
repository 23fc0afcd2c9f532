namespace Socrates.Testing.Linearizability.Histories;

/// <summary>
/// A monotonic logical clock shared by all clients of a history: every tick is unique and
/// strictly greater than every tick before it, across threads. Wall clocks may reorder events
/// (NTP steps, coarse resolution); an interlocked counter cannot.
/// </summary>
public sealed class LogicalClock
{
    private long _now;

    /// <summary>The last tick handed out (0 before the first).</summary>
    public long Now => Interlocked.Read(ref _now);

    /// <summary>Advances the clock and returns the new, unique time.</summary>
    public long Tick() => Interlocked.Increment(ref _now);
}
