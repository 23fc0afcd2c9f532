using Socrates.Core.Caching;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Tests.Caching;

/// <summary>
/// Canary cache.hit.locked changes what a hit costs (every hit takes the lock), never what it
/// answers: the paired cache-hit benchmark turns red on the cost; here the answers and counts
/// stay those of the lock-free path.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BoundedCacheHitLockedCanaryTests
{
    [Fact]
    public void TryGet_HitLockedCanary_SameAnswersAndCountsAsLockFree()
    {
        var free = TestCaches.Create(TestCaches.Clock());
        var locked = TestCaches.Create(TestCaches.Clock());
        foreach (var cache in new[] { free, locked })
        {
            cache.Set("a", "1");
            cache.Set("b", "2");
        }

        string[] keys = ["a", "absent", "b", "a", "b", "absent", "a"];
        var freeAnswers = keys.Select(k => free.TryGet(k, out var v) ? v : null).ToArray();
        string?[] lockedAnswers;
        using (Failpoint.Enable(CacheFailpoints.HitLocked))
        {
            lockedAnswers = [.. keys.Select(k => locked.TryGet(k, out var v) ? v : null)];
        }

        Assert.Equal(string.Join(",", freeAnswers), string.Join(",", lockedAnswers));
        Assert.Equal("1,,2,1,2,,1", string.Join(",", lockedAnswers));
        Assert.Equal(free.GetStatistics().Hits, locked.GetStatistics().Hits);
        Assert.Equal(free.GetStatistics().Misses, locked.GetStatistics().Misses);
        Assert.Null(locked.FindInconsistency());
    }
}
