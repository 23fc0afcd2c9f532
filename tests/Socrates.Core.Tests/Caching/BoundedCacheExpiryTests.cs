using Socrates.Core.Caching;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheExpiryTests
{
    [Fact]
    public void TryGet_OneTickBeforeTtl_Hits()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("k", "v");

        time.Advance(TestCaches.Ttl - TimeSpan.FromTicks(1));

        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("v", value);
    }

    [Fact]
    public void TryGet_ExactlyAtTtl_MissesAndCountsExpiration()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("k", "v");

        time.Advance(TestCaches.Ttl);

        Assert.False(cache.TryGet("k", out _));
        var stats = cache.GetStatistics();
        Assert.Equal(1, stats.Expirations);
        Assert.Equal(0, stats.Count);
    }

    [Fact]
    public void Set_PerEntryTtl_OverridesDefault()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("short", "v", TimeSpan.FromSeconds(1));
        cache.Set("long", "v");

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(cache.TryGet("short", out _));
        Assert.True(cache.TryGet("long", out _));
    }

    [Fact]
    public void Set_InfiniteTtl_NeverExpires()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("k", "v", Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromDays(3650));

        Assert.True(cache.TryGet("k", out _));
    }

    [Fact]
    public void Set_NonPositiveTtl_Throws()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Set("k", "v", TimeSpan.Zero));
    }

    [Fact]
    public void TryGet_ReplacedEntry_GetsFreshTtl()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("k", "old");
        time.Advance(TimeSpan.FromSeconds(6));
        cache.Set("k", "new");
        time.Advance(TimeSpan.FromSeconds(6));

        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("new", value);
    }

    [Fact]
    public void TryPeek_ExpiredEntry_Misses()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("k", "v");
        time.Advance(TestCaches.Ttl);

        Assert.False(cache.TryPeek("k", out _));
        Assert.Empty(cache.SnapshotKeys());
    }

    [Fact]
    public void TryGet_IgnoreTtlFailpoint_ServesExpiredEntry()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("k", "v");
        time.Advance(TestCaches.Ttl * 2);

        using (Failpoint.Enable(CacheFailpoints.IgnoreTtl))
        {
            Assert.True(cache.TryGet("k", out _));
        }

        Assert.False(cache.TryGet("k", out _));
    }
}
