using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Caching;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// Hit rates of several eviction policies on one request trace, each also as a fraction of the
/// optimum (Belady's MIN) on the identical trace, capacity and warm-up: the default policy, and
/// LRU, SIEVE, random eviction and the <c>cache.eviction.evict-newest</c> defect for reference.
/// </summary>
internal sealed record TraceScores(double Optimal, double Default, double Lru, double Sieve, double Random, double EvictNewest)
{
    public static TraceScores Measure(int[] trace, int warmup, int capacity, int seed)
    {
        var optimal = (double)OptimalCache.Hits(trace, capacity, warmup) / (trace.Length - warmup);
        var defaultPolicy = new BoundedCacheOptions<int, int>().EvictionPolicy;
        double evictNewest;
        using (Failpoint.Enable(CacheFailpoints.EvictNewest))
        {
            evictNewest = ZipfWorkload.Replay(trace, warmup, capacity, defaultPolicy);
        }

        return new TraceScores(
            optimal,
            ZipfWorkload.Replay(trace, warmup, capacity, defaultPolicy),
            ZipfWorkload.Replay(trace, warmup, capacity, EvictionPolicy.Lru),
            ZipfWorkload.Replay(trace, warmup, capacity, EvictionPolicy.Sieve),
            RandomEvictionReplay.HitRate(trace, warmup, capacity, seed),
            evictNewest);
    }

    /// <summary>The default policy's hit rate over the optimum's.</summary>
    public double DefaultVsOptimal => Default / Optimal;

    /// <summary>Every hit rate, and each over the optimum's, for the evidence file.</summary>
    public object Evidence() => new
    {
        hitRate = new { optimal = Optimal, defaultPolicy = Default, lru = Lru, sieve = Sieve, random = Random, evictNewest = EvictNewest },
        vsOptimal = new
        {
            defaultPolicy = DefaultVsOptimal,
            lru = Lru / Optimal,
            sieve = Sieve / Optimal,
            random = Random / Optimal,
            evictNewest = EvictNewest / Optimal,
        },
    };
}
