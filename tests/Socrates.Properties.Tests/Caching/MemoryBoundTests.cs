using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// A long mixed workload (200 000 operations on two threads, values of very different sizes) with
/// the byte bound on: the bytes the cache tracks must never exceed the bound, observed after every
/// operation. Writes <c>cache.memory_bound_held</c> (1 held, 0 broken).
/// </summary>
[Trait("Category", "Property")]
public sealed class MemoryBoundTests
{
    private const long MaxBytes = 64 * 1024;
    private const int OperationsPerWorker = 100_000;
    private const int Keys = 5_000;

    [Fact]
    public async Task MixedWorkload_ByteBoundOn_TrackedBytesNeverExceedBound()
    {
        var result = await RunAsync();

        var evidence = MetricsWriter.WriteEvidence("properties", "cache-memory-bound.json", result);
        MetricsWriter.Write("properties", "cache.memory_bound_held", result.Held ? 1 : 0, "bool", evidence);

        Assert.True(result.Held, $"tracked bytes reached {result.MaxObservedBytes} over the bound of {MaxBytes}");
        Assert.True(result.MaxObservedBytes > MaxBytes / 2, "the workload never came near the bound: it proves nothing");
        Assert.True(result.Statistics.Evictions > 0);
    }

    [Fact]
    public async Task MixedWorkload_LeakPastBoundCanary_BoundBroken()
    {
        MemoryBoundResult result;
        using (Failpoint.Enable(CacheFailpoints.LeakPastBound))
        {
            result = await RunAsync();
        }

        Assert.False(result.Held);
    }

    private static async Task<MemoryBoundResult> RunAsync()
    {
        var cache = new BoundedCache<int, byte[]>(new BoundedCacheOptions<int, byte[]>
        {
            MaxEntries = Keys,
            MaxBytes = MaxBytes,
            SizeOf = static (_, value) => value.Length + 32, // payload plus a per-entry overhead estimate
            TimeToLive = TimeSpan.FromMinutes(1),
        });
        long maxObserved = 0;
        var workers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            await Task.Yield();
            var random = new Random(77 + w);
            var zipf = new ZipfWorkload(Keys, 0.9);
            var keys = zipf.Requests(OperationsPerWorker, 99 + w);
            for (var i = 0; i < OperationsPerWorker; i++)
            {
                var key = keys[i];
                switch (random.Next(100))
                {
                    case < 55:
                        cache.TryGet(key, out _);
                        break;
                    case < 90:
                        // Mostly small rows, now and then a large one (a project with a long conversation).
                        var size = random.Next(100) < 95 ? random.Next(16, 512) : random.Next(4_096, 16_384);
                        cache.Set(key, new byte[size]);
                        break;
                    case < 98:
                        cache.Invalidate(key);
                        break;
                    default:
                        cache.InvalidateAll();
                        break;
                }

                var bytes = cache.Bytes;
                long seen;
                while (bytes > (seen = Interlocked.Read(ref maxObserved)) && Interlocked.CompareExchange(ref maxObserved, bytes, seen) != seen)
                {
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        return new MemoryBoundResult(maxObserved <= MaxBytes, maxObserved, MaxBytes, OperationsPerWorker * 2, cache.GetStatistics());
    }

    private sealed record MemoryBoundResult(bool Held, long MaxObservedBytes, long MaxBytes, int Operations, CacheStatistics Statistics);
}
