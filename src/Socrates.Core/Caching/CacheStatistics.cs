namespace Socrates.Core.Caching;

/// <summary>
/// An immutable snapshot of a cache's counters, taken under its lock so the figures agree with
/// each other. Counters only grow; <see cref="Count"/> and <see cref="Bytes"/> are current.
/// </summary>
/// <param name="Hits">Reads answered from the cache.</param>
/// <param name="Misses">Reads that found nothing usable (absent, expired, flushed).</param>
/// <param name="Evictions">Entries removed by the eviction policy to respect a bound.</param>
/// <param name="Expirations">Entries found past their time to live and removed.</param>
/// <param name="Invalidations">Per-key invalidations (explicit or by <c>Set</c>).</param>
/// <param name="Flushes">Whole-cache invalidations: <c>InvalidateAll</c> and version changes.</param>
/// <param name="RejectedInstalls">Loaded values refused because their key changed since the load began.</param>
/// <param name="OversizedRejections">Values refused because alone they exceed the byte bound.</param>
/// <param name="Loads">Loader calls that completed (successfully or not) in <c>GetOrLoadAsync</c>.</param>
/// <param name="LoadFailures">Loader calls that threw; nothing was cached for them.</param>
/// <param name="CoalescedWaits">Misses that joined a load already running for the same key.</param>
/// <param name="Count">Entries held now (a flushed entry counts until it is reclaimed).</param>
/// <param name="Bytes">Bytes held now, per the size function (0 without one).</param>
/// <param name="MaxEntries">The entry bound.</param>
/// <param name="MaxBytes">The byte bound, or null when there is none.</param>
/// <param name="Version">The cache-wide version every entry is keyed under.</param>
public sealed record CacheStatistics(
    long Hits,
    long Misses,
    long Evictions,
    long Expirations,
    long Invalidations,
    long Flushes,
    long RejectedInstalls,
    long OversizedRejections,
    long Loads,
    long LoadFailures,
    long CoalescedWaits,
    int Count,
    long Bytes,
    int MaxEntries,
    long? MaxBytes,
    string Version)
{
    /// <summary>Hits over reads; 0 when nothing was read yet.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
