using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// A long read/write workload through the cached repository with invalidation failures injected
/// after commits (compensation must repair them), then a reconciliation of cache against source:
/// <c>cache.reconciliation_divergence</c> must be 0. A sequential phase makes reads overlap writes
/// deterministically; a concurrent phase lets real threads interleave.
/// </summary>
[Trait("Category", "Property")]
public sealed class ReconciliationWorkloadTests
{
    private const int Keys = 400;
    private const int SequentialOperations = 20_000;
    private const int ConcurrentOperationsPerWorker = 5_000;
    private const int Seed = 4_242;

    [Fact]
    public async Task Workload_InjectedInvalidationFailures_CompensationLeavesNoDivergence()
    {
        var result = await RunAsync();

        var evidence = MetricsWriter.WriteEvidence("properties", "cache-reconciliation.json", result);
        MetricsWriter.Write("properties", "cache.reconciliation_divergence", result.Divergences, "count", evidence);

        Assert.Equal(0, result.Divergences);
        Assert.True(result.Repository.Compensations > 0, "no invalidation failure was injected: the workload proves nothing");
        Assert.True(result.Repository.RecoveredByRetry > 0 && result.Repository.Poisonings > 0, "not every compensation rung ran");
        Assert.True(result.Cache.Hits > 0 && result.Cache.Count > 0, "the cache was not used");
    }

    [Fact]
    public async Task Workload_NoCompensationCanary_DivergenceFound()
    {
        WorkloadResult result;
        using (Failpoint.Enable(CacheFailpoints.InvalidationFailsNoCompensation))
        {
            result = await RunAsync();
        }

        Assert.True(result.Divergences > 0, "without compensation the overlapping reads must leave stale entries");
        Assert.True(result.Repository.UncompensatedFailures > 0);
    }

    [Fact]
    public async Task Workload_SkipInvalidationCanary_DivergenceFound()
    {
        WorkloadResult result;
        using (Failpoint.Enable(CacheFailpoints.SkipInvalidationOnWrite))
        {
            result = await RunAsync();
        }

        Assert.True(result.Divergences > 0);
    }

    private static async Task<WorkloadResult> RunAsync()
    {
        var source = new ConcurrentDictionary<int, string>();
        var cache = new BoundedCache<int, string>(new BoundedCacheOptions<int, string>
        {
            MaxEntries = Keys / 4,
            TimeToLive = TimeSpan.FromHours(1),
            TimeProvider = new FakeTimeProvider(),
        });
        var repository = new CachedRepository<int, string>(cache, async (key, _) =>
        {
            await Task.Yield();
            return source.TryGetValue(key, out var value) ? value : null;
        });
        for (var key = 0; key < Keys; key++)
        {
            source[key] = "initial-" + key.ToString(CultureInfo.InvariantCulture);
        }

        var counter = 0;
        var random = new Random(Seed);
        var zipf = new ZipfWorkload(Keys, 1.0);
        var keys = zipf.Requests(SequentialOperations, Seed);
        var uncompensated = 0;
        for (var i = 0; i < SequentialOperations; i++)
        {
            var key = keys[i];
            var roll = random.Next(100);
            if (roll < 65)
            {
                await repository.ReadAsync(key, CancellationToken.None);
                continue;
            }

            var value = $"v{Interlocked.Increment(ref counter)}";
            var overlapped = roll >= 85;
            var fault = random.Next(100) switch
            {
                < 15 => CacheFailpoints.InvalidationFailsOnce,
                < 18 => CacheFailpoints.InvalidationFailsAlways,
                _ => null,
            };
            using (fault is null ? null : Failpoint.Enable(fault))
            {
                try
                {
                    await repository.WriteAsync(
                        key,
                        async ct =>
                        {
                            if (overlapped)
                            {
                                await repository.ReadAsync(key, ct); // a reader inside the write window caches the old row
                            }

                            source[key] = value;
                        },
                        CancellationToken.None);
                }
                catch (CacheInvalidationException)
                {
                    uncompensated++; // only without compensation (canary)
                }
            }
        }

        // Real threads: two workers over the 40 hottest keys, reads and writes racing.
        var workers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var local = new Random(Seed + w + 1);
            for (var i = 0; i < ConcurrentOperationsPerWorker; i++)
            {
                var key = local.Next(40);
                if (local.Next(100) < 70)
                {
                    await repository.ReadAsync(key, CancellationToken.None);
                }
                else
                {
                    var value = $"c{Interlocked.Increment(ref counter)}";
                    try
                    {
                        await repository.WriteAsync(
                            key,
                            async _ =>
                            {
                                await Task.Yield();
                                source[key] = value;
                            },
                            CancellationToken.None);
                    }
                    catch (CacheInvalidationException)
                    {
                        Interlocked.Increment(ref uncompensated);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var report = repository.Reconcile(source.Select(p => (p.Key, (string?)p.Value)));
        return new WorkloadResult(
            report.Divergences,
            report.Checked,
            report.Cached,
            report.FirstDivergentKeys,
            report.PoisonedSkipped,
            uncompensated,
            repository.GetStatistics(),
            cache.GetStatistics());
    }

    private sealed record WorkloadResult(
        int Divergences,
        int Checked,
        int Cached,
        IReadOnlyList<int> FirstDivergentKeys,
        int PoisonedSkipped,
        int UncompensatedWrites,
        CachedRepositoryStatistics Repository,
        CacheStatistics Cache);
}
