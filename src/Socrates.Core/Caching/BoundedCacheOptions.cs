namespace Socrates.Core.Caching;

/// <summary>Options of a <see cref="BoundedCache{TKey, TValue}"/>; checked by <see cref="Validate"/>.</summary>
public sealed class BoundedCacheOptions<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The most entries held at any time. Required, at least 1.</summary>
    public int MaxEntries { get; set; } = 1024;

    /// <summary>The most bytes held at any time (per <see cref="SizeOf"/>); null for no byte bound.</summary>
    public long? MaxBytes { get; set; }

    /// <summary>The size in bytes of one entry. Required when <see cref="MaxBytes"/> is set; must not be negative.</summary>
    public Func<TKey, TValue, long>? SizeOf { get; set; }

    /// <summary>How long an entry lives after it is installed; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Which entry goes when a bound is reached (see <see cref="BoundedCache{TKey, TValue}"/> for the measurement).</summary>
    public EvictionPolicy EvictionPolicy { get; set; } = EvictionPolicy.Sieve;

    /// <summary>The cache-wide version (schema or configuration version) every key is scoped to.</summary>
    public string Version { get; set; } = "1";

    /// <summary>
    /// How many per-key change stamps are remembered for in-flight reads before they are dropped
    /// wholesale (after which every read begun earlier is refused installation: safe, and bounded).
    /// </summary>
    public int MaxTrackedChanges { get; set; } = 4096;

    /// <summary>Compares keys; the default comparer when null.</summary>
    public IEqualityComparer<TKey>? KeyComparer { get; set; }

    /// <summary>The clock for expiry; inject a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws <see cref="CacheOptionsException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (MaxEntries < 1)
        {
            throw new CacheOptionsException(nameof(MaxEntries), MaxEntries, "must be at least 1.");
        }

        if (MaxBytes is { } maxBytes)
        {
            if (maxBytes < 1)
            {
                throw new CacheOptionsException(nameof(MaxBytes), maxBytes, "must be at least 1 byte, or null for no byte bound.");
            }

            if (SizeOf is null)
            {
                throw new CacheOptionsException(nameof(SizeOf), null, $"is required when {nameof(MaxBytes)} is set ({maxBytes}).");
            }
        }

        if (TimeToLive <= TimeSpan.Zero && TimeToLive != Timeout.InfiniteTimeSpan)
        {
            throw new CacheOptionsException(nameof(TimeToLive), TimeToLive, "must be positive, or Timeout.InfiniteTimeSpan.");
        }

        if (!Enum.IsDefined(EvictionPolicy))
        {
            throw new CacheOptionsException(nameof(EvictionPolicy), EvictionPolicy, "is not a known policy.");
        }

        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new CacheOptionsException(nameof(Version), Version, "must not be empty.");
        }

        if (MaxTrackedChanges < 1)
        {
            throw new CacheOptionsException(nameof(MaxTrackedChanges), MaxTrackedChanges, "must be at least 1.");
        }

        if (TimeProvider is null)
        {
            throw new CacheOptionsException(nameof(TimeProvider), null, "is required.");
        }
    }
}
