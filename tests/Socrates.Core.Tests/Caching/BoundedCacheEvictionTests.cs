using Socrates.Core.Caching;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheEvictionTests
{
    [Fact]
    public void Set_LruFull_EvictsLeastRecentlyUsed()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 3, policy: EvictionPolicy.Lru);
        cache.Set("a", "1");
        cache.Set("b", "2");
        cache.Set("c", "3");
        Assert.True(cache.TryGet("a", out _));

        cache.Set("d", "4");

        Assert.Equal(["a", "c", "d"], cache.SnapshotKeys().Order(StringComparer.Ordinal));
        Assert.Equal(1, cache.GetStatistics().Evictions);
    }

    [Fact]
    public void Set_LruFull_RecentHitProtectsOldEntry()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 3, policy: EvictionPolicy.Lru);
        cache.Set("a", "1");
        cache.Set("b", "2");
        cache.Set("c", "3");
        cache.TryGet("a", out _);
        cache.Set("d", "4");
        cache.TryGet("c", out _);

        cache.Set("e", "5");

        Assert.Equal(["c", "d", "e"], cache.SnapshotKeys().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Set_SieveFull_EvictsUnvisitedAndSparesVisited()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 3, policy: EvictionPolicy.Sieve);
        cache.Set("a", "1");
        cache.Set("b", "2");
        cache.Set("c", "3");
        cache.TryGet("a", out _);

        // Hand starts at the oldest (a, visited: bit cleared), moves to b (unvisited): b goes.
        cache.Set("d", "4");
        Assert.Equal(["a", "c", "d"], cache.SnapshotKeys().Order(StringComparer.Ordinal));

        // Hand rests at c; c was just visited, so it is spared and d (never hit since insertion) goes,
        // where LRU would have evicted a.
        cache.TryGet("c", out _);
        cache.Set("e", "5");
        Assert.Equal(["a", "c", "e"], cache.SnapshotKeys().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(EvictionPolicy.Lru)]
    [InlineData(EvictionPolicy.Sieve)]
    public void Set_ManyKeys_NeverExceedsEntryBound(EvictionPolicy policy)
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 7, policy: policy);
        var random = new Random(1234);
        for (var i = 0; i < 2_000; i++)
        {
            var key = random.Next(50).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (random.Next(2) == 0)
            {
                cache.Set(key, "v");
            }
            else
            {
                cache.TryGet(key, out _);
            }

            Assert.InRange(cache.Count, 0, 7);
        }

        Assert.Equal(7, cache.Count);
    }

    [Fact]
    public void Set_ByteBound_EvictsUntilNewEntryFits()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 100, maxBytes: 10);
        cache.Set("a", "aaaa");
        cache.Set("b", "bbbb");
        Assert.Equal(8, cache.Bytes);

        cache.Set("c", "cccc");

        Assert.Equal(8, cache.Bytes);
        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryPeek("a", out _));
    }

    [Fact]
    public void Set_ReplaceWithLargerValue_TracksBytesExactly()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 100, maxBytes: 10);
        cache.Set("a", "aa");
        cache.Set("a", "aaaaaa");
        Assert.Equal(6, cache.Bytes);
        cache.Invalidate("a");
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_ValueLargerThanByteBound_IsRefusedAndOldValueRemoved()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 100, maxBytes: 10);
        cache.Set("a", "old");

        Assert.False(cache.Set("a", new string('x', 11)));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(1, cache.GetStatistics().OversizedRejections);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_LeakPastBoundFailpoint_ExceedsBound()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 3, maxBytes: 10);
        using (Failpoint.Enable(CacheFailpoints.LeakPastBound))
        {
            for (var i = 0; i < 6; i++)
            {
                cache.Set("k" + i, "vvvv");
            }
        }

        Assert.Equal(6, cache.Count);
        Assert.Equal(24, cache.Bytes);
    }

    [Fact]
    public void Set_SizeFunctionNegative_Throws()
    {
        var cache = new BoundedCache<string, string>(new BoundedCacheOptions<string, string>
        {
            MaxBytes = 10,
            SizeOf = (_, _) => -1,
        });

        var error = Assert.Throws<InvalidOperationException>(() => cache.Set("k", "v"));
        Assert.Contains("-1", error.Message, StringComparison.Ordinal);
    }
}
