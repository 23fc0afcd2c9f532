using Socrates.Core.Failpoints;

namespace Socrates.Core.Caching.Faults;

/// <summary>
/// The canaries of the repository's write path, as a decorator of its cache invalidation: each
/// call asks its failpoints (one field read when none is on) and, off, hands the call to the
/// plain invalidation unchanged. A failure it injects is a <see cref="CacheInvalidationException"/>,
/// which the repository compensates unless the failure says it must not.
/// </summary>
internal sealed class InvalidationFaults<TKey>(ICacheInvalidation<TKey> plain) : ICacheInvalidation<TKey>
{
    private const string Reason = "injected by a failpoint.";

    public void BeforeWrite(TKey key)
    {
        if (!Failpoint.IsActive(CacheFailpoints.SkipInvalidationOnWrite))
        {
            plain.BeforeWrite(key);
        }
    }

    public void Invalidate(TKey key, int attempt)
    {
        if (attempt == 0)
        {
            if (Failpoint.IsActive(CacheFailpoints.SkipInvalidationOnWrite))
            {
                return; // the write commits, nothing is invalidated: stale reads
            }

            if (Failpoint.IsActive(CacheFailpoints.InvalidationFailsNoCompensation))
            {
                throw new CacheInvalidationException(key, attempt, Reason) { Compensable = false };
            }

            if (Failpoint.IsActive(CacheFailpoints.InvalidationFailsOnce))
            {
                throw new CacheInvalidationException(key, attempt, Reason);
            }
        }

        if (Failpoint.IsActive(CacheFailpoints.InvalidationFailsAlways))
        {
            throw new CacheInvalidationException(key, attempt, Reason);
        }

        plain.Invalidate(key, attempt);
    }

    public void InvalidateAll(int attempt)
    {
        if (Failpoint.IsActive(CacheFailpoints.InvalidationFailsAlways))
        {
            throw new CacheInvalidationException(null, attempt, Reason);
        }

        plain.InvalidateAll(attempt);
    }
}
