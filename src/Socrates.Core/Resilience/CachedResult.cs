namespace Socrates.Core.Resilience;

/// <summary>
/// A value read through the degradable read path. <see cref="FromCacheWhileDegraded"/> is true
/// when the storage was considered down and the value came from the cache without confirmation.
/// </summary>
public sealed record CachedResult<T>(T Value, bool FromCacheWhileDegraded);
