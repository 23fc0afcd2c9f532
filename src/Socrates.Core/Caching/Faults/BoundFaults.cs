using System.Runtime.CompilerServices;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Caching.Faults;

/// <summary>
/// The canaries of the cache's bound, eviction and expiry, as the three decisions the cache asks
/// about. They run under the cache's lock on every install and on every locked read, where a
/// decorator or an injected strategy would cost a virtual call per entry; each decision is
/// inlined and, with no failpoint on, is one static field read.
/// </summary>
/// <remarks>
/// The lock-free hit (<see cref="BoundedCache{TKey, TValue}.TryGet"/>) keeps its own check of
/// <see cref="CacheFailpoints.HitLocked"/>: a field fixed for the process and one read of the
/// scoped count, the least a benchmarked hit can pay for a canary.
/// </remarks>
internal static class BoundFaults
{
    /// <summary>False under <see cref="CacheFailpoints.LeakPastBound"/>: installs make no room and the cache grows past its bound.</summary>
    public static bool EnforcesBound
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => !Failpoint.IsActive(CacheFailpoints.LeakPastBound);
    }

    /// <summary>True under <see cref="CacheFailpoints.EvictNewest"/>: the newest entry is evicted instead of the policy's victim.</summary>
    public static bool EvictsNewest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Failpoint.IsActive(CacheFailpoints.EvictNewest);
    }

    /// <summary><paramref name="pastDeadline"/>, or false under <see cref="CacheFailpoints.IgnoreTtl"/> (entries never expire).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Expires(bool pastDeadline) => pastDeadline && !Failpoint.IsActive(CacheFailpoints.IgnoreTtl);
}
