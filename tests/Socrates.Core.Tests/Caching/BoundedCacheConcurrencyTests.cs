using System.Globalization;
using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

/// <summary>Real threads on every operation at once; the internal structure must stay consistent.</summary>
[Trait("Category", "Unit")]
public sealed class BoundedCacheConcurrencyTests
{
    [Theory]
    [InlineData(EvictionPolicy.Lru)]
    [InlineData(EvictionPolicy.Sieve)]
    public async Task AllOperations_FourThreads_StructureStaysConsistent(EvictionPolicy policy)
    {
        var cache = new BoundedCache<int, string>(new BoundedCacheOptions<int, string>
        {
            MaxEntries = 32,
            MaxBytes = 600,
            SizeOf = static (_, v) => v.Length,
            EvictionPolicy = policy,
            MaxTrackedChanges = 16,
        });
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var random = new Random(500 + w);
            for (var i = 0; i < 20_000; i++)
            {
                var key = random.Next(64);
                switch (random.Next(10))
                {
                    case 0:
                    case 1:
                    case 2:
                        cache.TryGet(key, out _);
                        break;
                    case 3:
                    case 4:
                        cache.Set(key, new string('x', random.Next(1, 40)));
                        break;
                    case 5:
                        var token = cache.BeginRead(key);
                        cache.TrySet(key, "loaded", token);
                        break;
                    case 6:
                        cache.Invalidate(key);
                        break;
                    case 7:
                        await cache.GetOrLoadAsync(key, static (k, _) => Task.FromResult<string?>(k.ToString(CultureInfo.InvariantCulture)));
                        break;
                    case 8:
                        if (random.Next(50) == 0)
                        {
                            cache.InvalidateAll();
                        }

                        break;
                    default:
                        if (i % 500 == 0 && cache.FindInconsistency() is { } problem)
                        {
                            problems.Add(problem);
                        }

                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Empty(problems);
        Assert.Null(cache.FindInconsistency());
        var stats = cache.GetStatistics();
        Assert.True(stats.Hits > 0 && stats.Evictions > 0 && stats.RejectedInstalls >= 0);
    }

    [Fact]
    public void FindInconsistency_LeakPastBound_ReportsBound()
    {
        var cache = new BoundedCache<int, string>(new BoundedCacheOptions<int, string> { MaxEntries = 2 });
        using (Socrates.Core.Failpoints.Failpoint.Enable(CacheFailpoints.LeakPastBound))
        {
            cache.Set(1, "a");
            cache.Set(2, "b");
            cache.Set(3, "c");
        }

        Assert.Contains("bounds exceeded", cache.FindInconsistency(), StringComparison.Ordinal);
    }
}
