namespace Socrates.Core.Caching;

/// <summary>Invalidation of an in-process <see cref="BoundedCache{TKey, TValue}"/>: it does not fail.</summary>
internal sealed class CacheInvalidation<TKey, TValue>(BoundedCache<TKey, TValue> cache) : ICacheInvalidation<TKey>
    where TKey : notnull
{
    public void BeforeWrite(TKey key) => cache.Invalidate(key);

    public void Invalidate(TKey key, int attempt) => cache.Invalidate(key);

    public void InvalidateAll(int attempt) => cache.InvalidateAll();
}
