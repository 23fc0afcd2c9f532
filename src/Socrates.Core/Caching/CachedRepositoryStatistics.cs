namespace Socrates.Core.Caching;

/// <summary>Counters of a <see cref="CachedRepository{TKey, TValue}"/>: how often the write path had to compensate.</summary>
/// <param name="Writes">Writes run through the repository.</param>
/// <param name="InvalidationFailures">Invalidation attempts (first tries and retries) that threw.</param>
/// <param name="Compensations">Writes whose first post-commit invalidation failed, so compensation ran.</param>
/// <param name="RecoveredByRetry">Compensations that ended with a successful per-key retry.</param>
/// <param name="RecoveredByFlush">Compensations that ended by flushing the whole cache.</param>
/// <param name="Poisonings">Compensations that could not invalidate at all and poisoned the key.</param>
/// <param name="PoisonedKeys">Keys poisoned now: their reads bypass the cache until an invalidation succeeds.</param>
/// <param name="BypassedReads">Reads of poisoned keys served from the source of truth, not the cache.</param>
/// <param name="UncompensatedFailures">Invalidation failures left without compensation (only under a failpoint).</param>
public sealed record CachedRepositoryStatistics(
    long Writes,
    long InvalidationFailures,
    long Compensations,
    long RecoveredByRetry,
    long RecoveredByFlush,
    long Poisonings,
    int PoisonedKeys,
    long BypassedReads,
    long UncompensatedFailures);
