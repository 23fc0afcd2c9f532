using Socrates.Core.Failpoints;

namespace Socrates.Core.Search.Cached;

/// <summary>Canaries of the cached search.</summary>
[FailpointCatalog]
public static class CachedSearchFailpoints
{
    /// <summary>
    /// The cache is bypassed: every search is computed (the cached-search speed-up gate must go red).
    /// </summary>
    public const string CacheDisabled = "search.cache.disabled";
}
