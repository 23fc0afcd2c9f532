using Socrates.Core.Caching;

namespace Socrates.Core.Repositories;

/// <summary>Counters of a <see cref="CachedProjectRepository"/>.</summary>
/// <param name="Cache">Hits, misses, evictions of the project cache.</param>
/// <param name="Writes">Invalidations and compensation of the write path.</param>
/// <param name="DegradedServes">Projects served from the cache while the storage breaker was open.</param>
/// <param name="LastReconciliationDivergences">Divergent entries found by the last reconciliation (-1: none ran).</param>
public sealed record CachedProjectRepositoryStatistics(
    CacheStatistics Cache,
    CachedRepositoryStatistics Writes,
    long DegradedServes,
    int LastReconciliationDivergences);
