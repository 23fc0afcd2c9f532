using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheVersionTests
{
    [Fact]
    public void SetVersion_Different_InvalidatesEveryEntry()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "1");
        cache.Set("b", "2");

        Assert.True(cache.SetVersion("schema-2"));

        Assert.False(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.Equal("schema-2", cache.Version);
    }

    [Fact]
    public void SetVersion_Same_KeepsEntries()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "1");

        Assert.False(cache.SetVersion("1"));

        Assert.True(cache.TryGet("a", out _));
    }

    [Fact]
    public void SetVersion_BackToEarlierVersion_DoesNotReviveOldEntries()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "v1-value");
        cache.SetVersion("2");
        cache.SetVersion("1");

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void InvalidateAll_IsO1_FlushedEntriesReclaimedLazily()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 1_000);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Set("k" + i, "v");
        }

        cache.InvalidateAll();

        // Nothing was visited: the entries are still held (and count towards the bound) but none is served.
        Assert.Equal(1_000, cache.Count);
        Assert.Empty(cache.SnapshotKeys());
        Assert.False(cache.TryGet("k5", out _));
        Assert.Equal(999, cache.Count);

        cache.Set("new", "v");
        Assert.True(cache.TryGet("new", out _));
        Assert.InRange(cache.Count, 1, 1_000);
    }

    [Fact]
    public void Set_AfterFlush_IsServed()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "old");
        cache.InvalidateAll();
        cache.Set("a", "new");

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal("new", value);
    }
}
