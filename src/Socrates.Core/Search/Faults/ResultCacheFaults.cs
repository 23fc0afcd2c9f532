using Socrates.Core.Failpoints;
using Socrates.Core.Search.Cached;

namespace Socrates.Core.Search.Faults;

/// <summary>
/// The canary of the cached search, as the question whether a search may use the result cache:
/// off (one field read), it may; under <see cref="CachedSearchFailpoints.CacheDisabled"/>, every
/// search is embedded and computed.
/// </summary>
internal static class ResultCacheFaults
{
    public static bool Bypassed => Failpoint.IsActive(CachedSearchFailpoints.CacheDisabled);
}
