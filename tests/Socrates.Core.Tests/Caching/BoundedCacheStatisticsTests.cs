using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheStatisticsTests
{
    [Fact]
    public void GetStatistics_MixedOperations_CountsEach()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time, maxEntries: 2, maxBytes: 100);
        cache.Set("a", "1");
        cache.TryGet("a", out _);
        cache.TryGet("a", out _);
        cache.TryGet("zz", out _);
        cache.Set("b", "22");
        cache.Set("c", "333");
        cache.Invalidate("c");
        cache.InvalidateAll();
        cache.SetVersion("2");

        var stats = cache.GetStatistics();

        Assert.Equal(2, stats.Hits);
        Assert.Equal(1, stats.Misses);
        Assert.Equal(2.0 / 3.0, stats.HitRate, 10);
        Assert.Equal(1, stats.Evictions);
        Assert.Equal(4, stats.Invalidations);
        Assert.Equal(2, stats.Flushes);
        Assert.Equal("2", stats.Version);
        Assert.Equal(2, stats.MaxEntries);
        Assert.Equal(100, stats.MaxBytes);
        Assert.Equal(1, stats.Count);
        Assert.Equal(1, stats.Bytes);
    }

    [Fact]
    public void HitRate_NoReads_IsZero()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        Assert.Equal(0, cache.GetStatistics().HitRate);
    }

    [Fact]
    public void GetStatistics_Snapshot_DoesNotChangeAfterwards()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var before = cache.GetStatistics();
        cache.Set("a", "1");
        cache.TryGet("a", out _);

        Assert.Equal(0, before.Hits);
        Assert.Equal(0, before.Count);
        Assert.Equal(1, cache.GetStatistics().Hits);
    }
}
