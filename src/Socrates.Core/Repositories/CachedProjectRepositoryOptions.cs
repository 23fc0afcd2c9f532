using Socrates.Core.Caching;
using Socrates.Core.Resilience;

namespace Socrates.Core.Repositories;

/// <summary>Options of a <see cref="CachedProjectRepository"/>.</summary>
public sealed class CachedProjectRepositoryOptions
{
    /// <summary>Bounds, time to live, eviction and clock of the project cache (keys compared ordinally).</summary>
    public BoundedCacheOptions<string, Domain.ProjectContext> Cache { get; set; } = new() { KeyComparer = StringComparer.Ordinal };

    /// <summary>Retries of a failed post-commit invalidation before the cache is flushed.</summary>
    public int InvalidationRetries { get; set; } = 2;

    /// <summary>
    /// The circuit breaker the reads of the inner repository go through; null for none. While it is
    /// not closed, cached projects are served marked degraded and misses fail fast.
    /// </summary>
    public StorageCircuitBreaker? Breaker { get; set; }

    /// <summary>Throws <see cref="CacheOptionsException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Cache is null)
        {
            throw new CacheOptionsException(nameof(Cache), null, "is required.");
        }

        Cache.Validate();
        new CachedRepositoryOptions<Domain.ProjectContext> { InvalidationRetries = InvalidationRetries }.Validate();
    }
}
