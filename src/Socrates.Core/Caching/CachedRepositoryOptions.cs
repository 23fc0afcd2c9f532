namespace Socrates.Core.Caching;

/// <summary>Options of a <see cref="CachedRepository{TKey, TValue}"/>.</summary>
public sealed class CachedRepositoryOptions<TValue>
{
    /// <summary>How often a failed post-commit invalidation is retried before the whole cache is flushed.</summary>
    public int InvalidationRetries { get; set; } = 2;

    /// <summary>Compares a cached value with the source of truth in reconciliation; the default comparer when null.</summary>
    public IEqualityComparer<TValue>? ValueComparer { get; set; }

    /// <summary>How many divergent keys a reconciliation report lists (all are counted).</summary>
    public int MaxReportedDivergences { get; set; } = 10;

    /// <summary>Throws <see cref="CacheOptionsException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (InvalidationRetries is < 0 or > 100)
        {
            throw new CacheOptionsException(nameof(InvalidationRetries), InvalidationRetries, "must be between 0 and 100.");
        }

        if (MaxReportedDivergences < 0)
        {
            throw new CacheOptionsException(nameof(MaxReportedDivergences), MaxReportedDivergences, "must not be negative.");
        }
    }
}
