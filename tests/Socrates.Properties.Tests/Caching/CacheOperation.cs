namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// One step of a generated cache history. Keys are small integers (few keys, so histories collide);
/// written values are made unique by the runner, so a stale value is always recognisable.
/// </summary>
public abstract record CacheOperation
{
    /// <summary><c>TryGet</c> straight on the cache.</summary>
    public sealed record TryGet(int Key) : CacheOperation;

    /// <summary>Read-through via the repository (<c>GetOrLoadAsync</c>).</summary>
    public sealed record Read(int Key) : CacheOperation;

    /// <summary>Write-through: commit a new value, then <c>Set</c> it in the cache.</summary>
    public sealed record Put(int Key, int Length) : CacheOperation;

    /// <summary>Commit a new value through the repository (invalidate before and after).</summary>
    public sealed record Write(int Key, int Length) : CacheOperation;

    /// <summary>Like <see cref="Write"/>, but a concurrent reader reads the old row and installs it before the commit.</summary>
    public sealed record OverlappedWrite(int Key, int Length) : CacheOperation;

    /// <summary>A reader takes a token and reads the source now; it completes later (<see cref="CompleteRead"/>).</summary>
    public sealed record BeginRead(int Key) : CacheOperation;

    /// <summary>The pending reader at <c>Slot</c> (modulo the pending count) tries to install what it read.</summary>
    public sealed record CompleteRead(int Slot) : CacheOperation;

    /// <summary>Flush everything.</summary>
    public sealed record InvalidateAll : CacheOperation;

    /// <summary>Change the cache-wide version.</summary>
    public sealed record BumpVersion : CacheOperation;

    /// <summary>Move the fake clock forward.</summary>
    public sealed record Advance(int Milliseconds) : CacheOperation;
}
