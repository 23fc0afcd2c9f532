using Socrates.Core.Caching;

namespace Socrates.Core.Resilience;

/// <summary>
/// A cache-backed read path that degrades gracefully: misses load through the
/// <see cref="StorageCircuitBreaker"/>; while the circuit is not closed, cached values are still
/// served but marked <see cref="CachedResult{T}.FromCacheWhileDegraded"/>, and a miss fails at once
/// with <see cref="StorageUnavailableException"/> rather than waiting on a storage that is down.
/// </summary>
/// <remarks>
/// Only live entries are served: an expired entry is not resurrected during an outage (no
/// stale-if-error), so the freshness guarantees of the cache hold in degraded mode too.
/// </remarks>
public sealed class DegradableReader<TKey, TValue>(
    BoundedCache<TKey, TValue> cache,
    StorageCircuitBreaker breaker,
    Func<TKey, CancellationToken, Task<TValue?>> load)
    where TKey : notnull
    where TValue : class
{
    private long _degradedServes;

    /// <summary>Reads served from the cache while the storage was considered down.</summary>
    public long DegradedServes => Interlocked.Read(ref _degradedServes);

    /// <summary>The value for <paramref name="key"/>, or null when the storage holds none.</summary>
    public async Task<CachedResult<TValue>?> ReadAsync(TKey key, CancellationToken cancellationToken)
    {
        if (breaker.IsDegraded && cache.TryGet(key, out var degraded))
        {
            Interlocked.Increment(ref _degradedServes);
            return new CachedResult<TValue>(degraded, FromCacheWhileDegraded: true);
        }

        var value = await cache.GetOrLoadAsync(
            key,
            (k, ct) => breaker.ExecuteAsync(c => new ValueTask<TValue?>(load(k, c)), ct).AsTask(),
            cancellationToken).ConfigureAwait(false);
        return value is null ? null : new CachedResult<TValue>(value, FromCacheWhileDegraded: false);
    }
}
