using Socrates.Core.Failpoints;

namespace Socrates.Core.Caching;

/// <summary>
/// Canaries of the cache layer. Each injects exactly the defect one cache gate exists to catch;
/// all are off unless named in <c>SOCRATES_FAILPOINTS</c> or enabled in a test's async flow.
/// </summary>
[FailpointCatalog]
public static class CacheFailpoints
{
    /// <summary>
    /// <see cref="CachedRepository{TKey, TValue}.WriteAsync"/> commits but bumps no generation and
    /// removes no entry: the value cached before the write keeps being served (stale reads).
    /// </summary>
    public const string SkipInvalidationOnWrite = "cache.skip-invalidation-on-write";

    /// <summary>Entries never expire: a read after the time to live still hits (expiry property fails).</summary>
    public const string IgnoreTtl = "cache.ignore-ttl";

    /// <summary>
    /// The invalidation after a committed write throws and no compensation runs: an entry installed
    /// by a read that overlapped the write stays cached (reconciliation finds a divergence).
    /// </summary>
    public const string InvalidationFailsNoCompensation = "cache.invalidation-fails-no-compensation";

    /// <summary>The entry and byte bounds are not enforced: the cache grows past its bound.</summary>
    public const string LeakPastBound = "cache.leak-past-bound";

    /// <summary>
    /// The eviction policy throws away the newest entry instead of the policy's victim: the cache
    /// keeps its bound but stops learning the working set (the hit-rate gate goes red).
    /// </summary>
    public const string EvictNewest = "cache.eviction.evict-newest";

    /// <summary>
    /// Every <see cref="BoundedCache{TKey, TValue}.TryGet"/> skips the lock-free hit path and takes
    /// the cache's lock (a "just lock it" regression): hits serialize and cost a lock each, so the
    /// paired cache-hit overhead against a bare dictionary lookup rises.
    /// </summary>
    public const string HitLocked = "cache.hit.locked";

    /// <summary>
    /// <see cref="HitLocked"/> named in the environment, read once: the hit path then pays for this
    /// canary only when it is on, not whenever another canary is (a set lookup on every hit would
    /// slow the hit in any other gate's canary run and turn the cache-hit regression gate red too).
    /// </summary>
    internal static readonly bool HitLockedFromEnvironment = Failpoint.IsActiveFromEnvironment(HitLocked);

    /// <summary>
    /// Fault (not a defect): the first attempt of the per-key invalidation after a committed write
    /// throws. Compensation must recover by retrying; used to prove compensation works.
    /// </summary>
    public const string InvalidationFailsOnce = "cache.invalidation.fail-once";

    /// <summary>
    /// Fault (not a defect): every per-key invalidation attempt after a committed write throws, and
    /// so does the full flush. Compensation must fall back to poisoning the key.
    /// </summary>
    public const string InvalidationFailsAlways = "cache.invalidation.fail-always";
}
