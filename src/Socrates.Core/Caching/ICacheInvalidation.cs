namespace Socrates.Core.Caching;

/// <summary>
/// How <see cref="CachedRepository{TKey, TValue}"/> invalidates its cache: the step that an
/// out-of-process cache could fail, and so the seam where its failures are injected
/// (<see cref="Faults.InvalidationFaults{TKey}"/>).
/// </summary>
internal interface ICacheInvalidation<in TKey>
{
    /// <summary>Before a write starts: earlier entries stop being served, loads already running cannot install.</summary>
    void BeforeWrite(TKey key);

    /// <summary>Invalidates <paramref name="key"/> (attempt 0 right after the commit, then compensation); throws <see cref="CacheInvalidationException"/> when it could not.</summary>
    void Invalidate(TKey key, int attempt);

    /// <summary>Flushes the whole cache (a compensation rung); throws <see cref="CacheInvalidationException"/> when it could not.</summary>
    void InvalidateAll(int attempt);
}
