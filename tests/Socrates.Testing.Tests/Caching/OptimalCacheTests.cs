using Socrates.Core.Caching;
using Socrates.Testing.Caching;

namespace Socrates.Testing.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class OptimalCacheTests
{
    [Fact]
    public void Hits_TextbookReferenceStringThreeFrames_NineFaults()
    {
        // Silberschatz, Operating System Concepts, "optimal page replacement": 20 references, 3 frames, 9 faults.
        int[] trace = [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1];

        Assert.Equal(20 - 9, OptimalCache.Hits(trace, capacity: 3));
    }

    [Fact]
    public void Hits_LoopOneLargerThanTheCache_KeepsWhatReturnsSoonest()
    {
        // a b c a b c with room for two: c evicts b (a returns first), a hits; b evicts a (never again), c hits.
        // LRU scores no hit at all here.
        Assert.Equal(2, OptimalCache.Hits("abcabc".ToCharArray(), capacity: 2));
    }

    [Fact]
    public void Hits_ThreeLoopsOfThreeKeysInTwoSlots_OneHitPerLoopAfterTheFirstMisses()
    {
        // Hand replay: misses at 0 and 1; c@2 evicts b (a returns sooner), hit a@3; b@4 evicts a, hit c@5;
        // a@6 evicts c, hit b@7; c@8 misses.
        Assert.Equal(3, OptimalCache.Hits("abcabcabc".ToCharArray(), capacity: 2));
    }

    [Fact]
    public void Hits_WarmupSkipsEarlyHits_CountsOnlyFromTheWarmupOn()
    {
        // Same replay as above; of the hits at 3, 5 and 7 only 5 and 7 are at position 4 or later.
        Assert.Equal(2, OptimalCache.Hits("abcabcabc".ToCharArray(), capacity: 2, warmup: 4));
    }

    [Fact]
    public void Hits_RoomForEveryKey_EveryRepeatHits()
    {
        Assert.Equal(3, OptimalCache.Hits("abacba".ToCharArray(), capacity: 3));
    }

    [Fact]
    public void Hits_OneSlot_OnlyImmediateRepeatsHit()
    {
        Assert.Equal(3, OptimalCache.Hits("aabbba".ToCharArray(), capacity: 1));
    }

    [Fact]
    public void Hits_KeyNeverRequestedAgain_EvictedFirst()
    {
        // x is never requested again, so d evicts x (LRU would evict a) and a, b, d all hit.
        Assert.Equal(3, OptimalCache.Hits("abxdabd".ToCharArray(), capacity: 3));
    }

    [Theory]
    [InlineData(EvictionPolicy.Lru)]
    [InlineData(EvictionPolicy.Sieve)]
    public void Hits_RandomSkewedTraces_NeverBelowARealPolicy(EvictionPolicy policy)
    {
        var random = new Random(17);
        for (var round = 0; round < 20; round++)
        {
            var trace = Enumerable.Range(0, 2_000).Select(_ => (int)Math.Floor(Math.Pow(random.NextDouble(), 3) * 200)).ToArray();
            var capacity = random.Next(1, 60);

            Assert.True(
                OptimalCache.Hits(trace, capacity) >= ReadThroughHits(trace, capacity, policy),
                $"round {round}: a {policy} cache of {capacity} beat the optimum");
        }
    }

    [Fact]
    public void Hits_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimalCache.Hits([1, 2], capacity: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OptimalCache.Hits([1, 2], capacity: 1, warmup: -1));
        Assert.Throws<ArgumentNullException>(() => OptimalCache.Hits<int>(null!, capacity: 1));
    }

    private static long ReadThroughHits(int[] trace, int capacity, EvictionPolicy policy)
    {
        var cache = new BoundedCache<int, int>(new BoundedCacheOptions<int, int>
        {
            MaxEntries = capacity,
            EvictionPolicy = policy,
            TimeToLive = Timeout.InfiniteTimeSpan,
        });
        long hits = 0;
        foreach (var key in trace)
        {
            if (cache.TryGet(key, out _))
            {
                hits++;
            }
            else
            {
                cache.Set(key, key);
            }
        }

        return hits;
    }
}
