using Socrates.Core.Caching;
using Socrates.Core.Search.Faults;

namespace Socrates.Core.Search.Cached;

/// <summary>
/// Search results cached in a <see cref="BoundedCache{TKey, TValue}"/> in front of a
/// <see cref="VectorSearchService"/>, keyed by <see cref="SearchCacheKey"/>.
/// <para><b>Never stale.</b> The index version in the key is the identity of the index snapshot
/// the result was computed on: every upsert, delete, import or rebuild publishes a new snapshot,
/// and a search that sees a new snapshot first invalidates the whole cache (so a write made
/// directly on the inner service is noticed too). Writes through this class invalidate
/// everything after they complete. A result computed on a snapshot is installed only with a
/// read token taken before the computation (<see cref="BoundedCache{TKey, TValue}.TrySet"/>), so a
/// search that overlapped an invalidation cannot put its result back.</para>
/// </summary>
public sealed class CachedSearchService
{
    private readonly BoundedCache<SearchCacheKey, IReadOnlyList<SearchHit>> _cache;
    private readonly Lock _versionGate = new();
    private IndexSnapshot? _seen;
    private long _indexVersion;

    public CachedSearchService(VectorSearchService inner, CachedSearchOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        options ??= new CachedSearchOptions();
        options.Validate();
        Inner = inner;
        _cache = new BoundedCache<SearchCacheKey, IReadOnlyList<SearchHit>>(new BoundedCacheOptions<SearchCacheKey, IReadOnlyList<SearchHit>>
        {
            MaxEntries = options.MaxEntries,
            TimeToLive = options.TimeToLive,
            TimeProvider = timeProvider ?? TimeProvider.System,
        });
    }

    /// <summary>The uncached service (its writes are noticed at the next search).</summary>
    public VectorSearchService Inner { get; }

    /// <summary>Hits, misses and size of the result cache.</summary>
    public CacheStatistics GetStatistics() => _cache.GetStatistics();

    /// <summary>Like <see cref="VectorSearchService.SearchAsync"/>, served from the cache when an equal search ran on the same index version.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string queryText, int k, ScopeFilter filter, SearchPath path = SearchPath.Ivf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        if (ResultCacheFaults.Bypassed)
        {
            return await Inner.SearchAsync(queryText, k, filter, path, cancellationToken);
        }

        var key = new SearchCacheKey(Inner.Embedder.Version, CurrentIndexVersion(), queryText, filter.Kind, filter.ProjectId, k, path);
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var token = _cache.BeginRead(key);
        var hits = await Inner.SearchAsync(queryText, k, filter, path, cancellationToken);
        // Computed on the snapshot the key names only if no swap happened meanwhile; otherwise
        // the result is returned (it is a valid answer of that moment) but not cached.
        if (CurrentIndexVersion() == key.IndexVersion)
        {
            _cache.TrySet(key, hits, token);
        }

        return hits;
    }

    /// <summary>Saves through the inner service, then invalidates every cached result.</summary>
    public async Task SaveAsync(KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await Inner.SaveAsync(entry, cancellationToken);
        }
        finally
        {
            InvalidateAll();
        }
    }

    /// <summary>Deletes through the inner service, then invalidates every cached result.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await Inner.DeleteAsync(id, cancellationToken);
        }
        finally
        {
            InvalidateAll();
        }
    }

    /// <summary>Imports through the inner service, then invalidates every cached result.</summary>
    public async Task ImportAsync(IEnumerable<KnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        try
        {
            await Inner.ImportAsync(entries, cancellationToken);
        }
        finally
        {
            InvalidateAll();
        }
    }

    /// <summary>Rebuilds (index swap) through the inner service, then invalidates every cached result.</summary>
    public async Task<IndexValidationReport> RebuildIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Inner.RebuildIndexAsync(cancellationToken);
        }
        finally
        {
            InvalidateAll();
        }
    }

    /// <summary>Recalibrates the index's default probes through the inner service, then invalidates every cached result.</summary>
    public async Task<ProbeCalibrationResult?> RecalibrateIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Inner.RecalibrateIndexAsync(cancellationToken);
        }
        finally
        {
            InvalidateAll();
        }
    }

    /// <summary>Drops every cached result (O(1)).</summary>
    public void InvalidateAll() => _cache.InvalidateAll();

    // The index version: bumped (and the cache flushed) whenever a new snapshot is observed.
    private long CurrentIndexVersion()
    {
        var current = Inner.Index.Current;
        lock (_versionGate)
        {
            if (!ReferenceEquals(current, _seen))
            {
                _seen = current;
                _indexVersion++;
                _cache.InvalidateAll();
            }

            return _indexVersion;
        }
    }
}
