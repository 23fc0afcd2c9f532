using System.Collections.Concurrent;
using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// Real threads against the cached repository. Every write stores a strictly increasing version;
/// when a write has returned, its version is published as the key's floor. A read records the
/// floor before it starts: returning a version below it means the cache served something older
/// than a write that had completed before the read began, a stale read by definition
/// (real-time order, as in linearizability). Writes <c>cache.concurrent_stale_reads</c>.
/// </summary>
[Trait("Category", "Property")]
public sealed class ConcurrentStaleReadTests
{
    private const int Workers = 4;
    private const int OperationsPerWorker = 10_000;
    private const int Keys = 16;

    [Fact]
    public async Task ConcurrentReadsAndWrites_NoReadOlderThanCompletedWrite()
    {
        var result = await RunAsync();

        var evidence = MetricsWriter.WriteEvidence("properties", "cache-concurrent-stale.json", result);
        MetricsWriter.Write("properties", "cache.concurrent_stale_reads", result.StaleReads, "count", evidence);

        Assert.Equal(0, result.StaleReads);
        Assert.True(result.Cache.Hits > 1_000, "too few cache hits for the check to mean anything");
        Assert.True(result.Writes > 1_000);
    }

    [Fact]
    public async Task ConcurrentReadsAndWrites_SkipInvalidationCanary_StaleReadsSeen()
    {
        StaleResult result;
        using (Failpoint.Enable(CacheFailpoints.SkipInvalidationOnWrite))
        {
            result = await RunAsync();
        }

        Assert.True(result.StaleReads > 0);
    }

    private static async Task<StaleResult> RunAsync()
    {
        var source = new ConcurrentDictionary<int, Row>();
        var floors = new long[Keys];
        long version = 0;
        for (var key = 0; key < Keys; key++)
        {
            source[key] = new Row(0);
        }

        var cache = new BoundedCache<int, Row>(new BoundedCacheOptions<int, Row>
        {
            MaxEntries = Keys / 2,
            TimeToLive = TimeSpan.FromHours(1),
        });
        var repository = new CachedRepository<int, Row>(cache, async (key, _) =>
        {
            var row = source[key];
            await Task.Yield(); // widen the window between reading the row and installing it
            return row;
        });

        long stale = 0;
        long writes = 0;
        long reads = 0;
        long uncompensated = 0;
        string? firstStale = null;
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(1_000 + w);
            for (var i = 0; i < OperationsPerWorker; i++)
            {
                var key = random.Next(Keys);
                var roll = random.Next(100);
                if (roll < 75)
                {
                    var floor = Volatile.Read(ref floors[key]);
                    var row = await repository.ReadAsync(key, CancellationToken.None);
                    Interlocked.Increment(ref reads);
                    if (row is null || row.Version < floor)
                    {
                        Interlocked.Increment(ref stale);
                        Interlocked.CompareExchange(ref firstStale, $"key {key}: read version {row?.Version} after version {floor} was written", null);
                    }
                }
                else if (roll < 99)
                {
                    long written = 0;
                    try
                    {
                        await repository.WriteAsync(
                            key,
                            async _ =>
                            {
                                await Task.Yield();
                                lock (source)
                                {
                                    // Versions per key increase in commit order.
                                    written = Interlocked.Increment(ref version);
                                    source[key] = new Row(written);
                                }
                            },
                            CancellationToken.None);
                    }
                    catch (CacheInvalidationException)
                    {
                        // Only under the no-compensation canary: committed, cache not repaired.
                        Interlocked.Increment(ref uncompensated);
                    }
                    finally
                    {
                        // The write has returned: from now on no read may see anything older.
                        long seen;
                        while (written > (seen = Volatile.Read(ref floors[key])) && Interlocked.CompareExchange(ref floors[key], written, seen) != seen)
                        {
                        }

                        Interlocked.Increment(ref writes);
                    }
                }
                else
                {
                    cache.InvalidateAll();
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        return new StaleResult(stale, firstStale, reads, writes, uncompensated, cache.GetStatistics(), repository.GetStatistics());
    }

    private sealed record Row(long Version);

    private sealed record StaleResult(
        long StaleReads,
        string? FirstStale,
        long Reads,
        long Writes,
        long UncompensatedWrites,
        CacheStatistics Cache,
        CachedRepositoryStatistics Repository);
}
