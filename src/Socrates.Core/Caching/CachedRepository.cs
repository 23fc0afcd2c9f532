using Socrates.Core.Caching.Faults;

namespace Socrates.Core.Caching;

/// <summary>
/// Read-through caching over a source of truth, with invalidation after commit that cannot leave a
/// stale entry behind.
/// </summary>
/// <remarks>
/// <para><b>Reads</b> go through <see cref="BoundedCache{TKey, TValue}.GetOrLoadAsync"/>: one load per
/// key at a time, installed only if the key did not change while it ran. "Not found" (null) is not cached.</para>
/// <para><b>Writes</b> invalidate the key twice: before the write starts (so entries cached earlier
/// stop being served and loads already running cannot install) and after it commits (so a load that
/// began during the write, and may have read the old row, cannot install either and anything it
/// installed is removed). Invalidation of an in-process cache does not fail in practice, but the
/// step after the commit is written as if it could (it will not stay in-process for ever), and
/// failures are injected at that step (<see cref="InvalidationFaults{TKey}"/>) to prove the compensation: retry the key, then flush the
/// whole cache, then poison the key so its reads bypass the cache until an invalidation succeeds.
/// Each rung is counted in <see cref="GetStatistics"/>; none is silent.</para>
/// <para>A write that throws may still have committed (a timeout after the commit), so the
/// invalidation after it runs on failure too before the error is rethrown.</para>
/// </remarks>
public sealed class CachedRepository<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly Func<TKey, CancellationToken, Task<TValue?>> _load;
    private readonly InvalidationFaults<TKey> _invalidation; // the plain invalidation, under its canaries
    private readonly int _retries;
    private readonly int _maxReported;
    private readonly IEqualityComparer<TValue> _valueComparer;
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _poisoned;

    // _poisoned.Count, published after every change under _gate, so that reads of a repository
    // with nothing poisoned (the normal case) check it without taking the lock.
    private int _poisonedCount;

    private long _writes;
    private long _invalidationFailures;
    private long _compensations;
    private long _recoveredByRetry;
    private long _recoveredByFlush;
    private long _poisonings;
    private long _bypassedReads;
    private long _uncompensated;

    /// <summary>Creates the repository over <paramref name="cache"/> and the source's <paramref name="load"/>.</summary>
    public CachedRepository(
        BoundedCache<TKey, TValue> cache,
        Func<TKey, CancellationToken, Task<TValue?>> load,
        CachedRepositoryOptions<TValue>? options = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(load);
        options ??= new CachedRepositoryOptions<TValue>();
        options.Validate();
        Cache = cache;
        _load = load;
        _invalidation = new InvalidationFaults<TKey>(new CacheInvalidation<TKey, TValue>(cache));
        _retries = options.InvalidationRetries;
        _maxReported = options.MaxReportedDivergences;
        _valueComparer = options.ValueComparer ?? EqualityComparer<TValue>.Default;
        _poisoned = [];
    }

    /// <summary>The cache underneath (for statistics and version changes).</summary>
    public BoundedCache<TKey, TValue> Cache { get; }

    /// <summary>The value for <paramref name="key"/>: cached, or loaded (and cached); null when the source has none.</summary>
    public async Task<TValue?> ReadAsync(TKey key, CancellationToken cancellationToken)
    {
        if (IsPoisoned(key) && !TryHeal(key))
        {
            Interlocked.Increment(ref _bypassedReads);
            return await _load(key, cancellationToken).ConfigureAwait(false);
        }

        return await Cache.GetOrLoadAsync(key, _load, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> for <paramref name="key"/> and invalidates the key around it.</summary>
    public async Task WriteAsync(TKey key, Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await WriteAsync(
            key,
            async ct =>
            {
                await write(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> for <paramref name="key"/>, invalidates around it, returns its result.</summary>
    public async Task<TResult> WriteAsync<TResult>(TKey key, Func<CancellationToken, Task<TResult>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        Interlocked.Increment(ref _writes);
        _invalidation.BeforeWrite(key);
        TResult result;
        try
        {
            result = await write(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            InvalidateAfterCommit(key);
            throw;
        }

        InvalidateAfterCommit(key);
        return result;
    }

    /// <summary>True while <paramref name="key"/> is poisoned (its reads bypass the cache).</summary>
    public bool IsPoisoned(TKey key)
    {
        if (Volatile.Read(ref _poisonedCount) == 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _poisoned.Count > 0 && _poisoned.Contains(key);
        }
    }

    /// <summary>
    /// Compares the cache with the source of truth: every pair in <paramref name="sourceOfTruth"/>
    /// (a null value meaning the source holds no row), and every cached key the source does not list.
    /// </summary>
    public ReconciliationReport<TKey> Reconcile(IEnumerable<(TKey Key, TValue? Value)> sourceOfTruth)
    {
        ArgumentNullException.ThrowIfNull(sourceOfTruth);
        var source = new Dictionary<TKey, TValue?>();
        foreach (var (key, value) in sourceOfTruth)
        {
            source[key] = value;
        }

        foreach (var key in Cache.SnapshotKeys())
        {
            source.TryAdd(key, null);
        }

        var cached = 0;
        var divergences = 0;
        var poisonedSkipped = 0;
        var first = new List<TKey>();
        foreach (var (key, truth) in source)
        {
            if (IsPoisoned(key))
            {
                poisonedSkipped++;
                continue;
            }

            if (!Cache.TryPeek(key, out var value))
            {
                continue;
            }

            cached++;
            if (truth is null || !_valueComparer.Equals(value, truth))
            {
                divergences++;
                if (first.Count < _maxReported)
                {
                    first.Add(key);
                }
            }
        }

        return new ReconciliationReport<TKey>(source.Count, cached, divergences, first, poisonedSkipped);
    }

    /// <summary>A snapshot of the write path's counters.</summary>
    public CachedRepositoryStatistics GetStatistics()
    {
        int poisoned;
        lock (_gate)
        {
            poisoned = _poisoned.Count;
        }

        return new CachedRepositoryStatistics(
            Interlocked.Read(ref _writes),
            Interlocked.Read(ref _invalidationFailures),
            Interlocked.Read(ref _compensations),
            Interlocked.Read(ref _recoveredByRetry),
            Interlocked.Read(ref _recoveredByFlush),
            Interlocked.Read(ref _poisonings),
            poisoned,
            Interlocked.Read(ref _bypassedReads),
            Interlocked.Read(ref _uncompensated));
    }

    private void InvalidateAfterCommit(TKey key)
    {
        try
        {
            InvalidateKey(key, attempt: 0);
            return;
        }
        catch (CacheInvalidationException failure) when (!failure.Compensable)
        {
            // Reported to the caller, nothing repairs the cache.
            Interlocked.Increment(ref _uncompensated);
            throw;
        }
        catch (CacheInvalidationException)
        {
            Interlocked.Increment(ref _compensations);
        }

        for (var attempt = 1; attempt <= _retries; attempt++)
        {
            try
            {
                InvalidateKey(key, attempt);
                Interlocked.Increment(ref _recoveredByRetry);
                return;
            }
            catch (CacheInvalidationException)
            {
                // Counted in InvalidateKey; the next rung decides.
            }
        }

        try
        {
            FlushAll();
            Interlocked.Increment(ref _recoveredByFlush);
            return;
        }
        catch (CacheInvalidationException)
        {
            // Counted in FlushAll; poisoning cannot fail.
        }

        lock (_gate)
        {
            _poisoned.Add(key);
            Volatile.Write(ref _poisonedCount, _poisoned.Count);
        }

        Interlocked.Increment(ref _poisonings);
    }

    private void InvalidateKey(TKey key, int attempt)
    {
        try
        {
            _invalidation.Invalidate(key, attempt);
        }
        catch (CacheInvalidationException)
        {
            Interlocked.Increment(ref _invalidationFailures);
            throw;
        }

        lock (_gate)
        {
            _poisoned.Remove(key);
            Volatile.Write(ref _poisonedCount, _poisoned.Count);
        }
    }

    private void FlushAll()
    {
        try
        {
            _invalidation.InvalidateAll(_retries + 1);
        }
        catch (CacheInvalidationException)
        {
            Interlocked.Increment(ref _invalidationFailures);
            throw;
        }

        lock (_gate)
        {
            _poisoned.Clear();
            Volatile.Write(ref _poisonedCount, 0);
        }
    }

    private bool TryHeal(TKey key)
    {
        try
        {
            InvalidateKey(key, _retries + 1);
            return true;
        }
        catch (CacheInvalidationException)
        {
            return false;
        }
    }
}
