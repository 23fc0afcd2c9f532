namespace Socrates.Core.Caching;

/// <summary>
/// Taken by <see cref="BoundedCache{TKey, TValue}.BeginRead"/> before reading the source of
/// truth; <see cref="BoundedCache{TKey, TValue}.TrySet"/> installs the value read only if nothing
/// changed the key (or the whole cache) since. Carries the key so it cannot be used for another.
/// </summary>
public readonly record struct CacheReadToken<TKey>(TKey Key, long Stamp);
