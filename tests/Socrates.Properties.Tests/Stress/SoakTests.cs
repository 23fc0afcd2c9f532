using System.Diagnostics;
using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// A mixed workload for the profile's soak duration: database saves, appends and loads, and a
/// bounded cache filled with ever-new keys (2 KB values) in front of them. The managed heap is
/// sampled after a full collection every <see cref="SampleEvery"/> operations; the least-squares
/// slope (bytes per operation, warm-up excluded) is <c>stress.heap_slope_bytes_per_op</c>, and
/// <c>stress.cache_bound_held</c> is 1 when the cache never held more than its bound at a sample.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class SoakTests
{
    /// <summary>The proposed gate: a leak of one cached value per operation is ~2,000 bytes/op.</summary>
    private const double SlopeThreshold = 256;
    private const int MaxEntries = 500;
    private const int SampleEvery = 200;
    private const int ValueBytes = 2_048;

    [Fact]
    public async Task MixedWorkload_SoakDuration_HeapFlatCacheBounded()
    {
        var result = await RunAsync(TestProfile.Current.SoakDuration);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-soak.json", result);
        MetricsWriter.Write("stress", "stress.heap_slope_bytes_per_op", result.SlopeBytesPerOp, "bytes/op", evidence);
        MetricsWriter.Write("stress", "stress.cache_bound_held", result.CacheBoundHeld ? 1 : 0, "bool", evidence);

        Assert.True(result.CacheBoundHeld, $"cache held {result.MaxCacheCount} entries, bound {MaxEntries}");
        Assert.True(result.SlopeBytesPerOp < SlopeThreshold, $"heap grows {result.SlopeBytesPerOp} bytes per operation");
        Assert.True(result.Samples >= 5, $"only {result.Samples} heap samples: the soak proves nothing");
    }

    [Fact]
    public async Task MixedWorkload_LeakPastBoundCanary_BoundBrokenSlopeUp()
    {
        SoakResult result;
        using (Failpoint.Enable(CacheFailpoints.LeakPastBound))
        {
            result = await RunAsync(TimeSpan.FromSeconds(3));
        }

        Assert.False(result.CacheBoundHeld);
        Assert.True(result.SlopeBytesPerOp >= SlopeThreshold, $"slope only {result.SlopeBytesPerOp} bytes/op");
    }

    private static async Task<SoakResult> RunAsync(TimeSpan duration)
    {
        await using var store = await StressDatabase.CreateAsync();
        var db = store.Database;
        var cache = new BoundedCache<string, byte[]>(new BoundedCacheOptions<string, byte[]> { MaxEntries = MaxEntries, TimeToLive = TimeSpan.FromHours(1) });
        for (var p = 0; p < 4; p++)
        {
            await db.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
        }

        var samples = new List<(double X, double Y)>();
        var maxCount = 0;
        var random = new Random(2024);
        var clock = Stopwatch.StartNew();
        long op = 0;
        while (clock.Elapsed < duration || samples.Count < 6)
        {
            var id = $"p{random.Next(4)}";
            switch (random.Next(10))
            {
                case 0:
                    var version = await db.GetProjectVersionAsync(id) ?? 0;
                    await db.SaveProjectAsync(StressDatabase.Project(id, $"s{op}"), version);
                    break;
                case 1:
                    await db.AppendMessageAsync(id, new() { Role = "user", Content = $"m{op}" });
                    break;
                default:
                    await db.LoadProjectAsync(id);
                    break;
            }

            cache.Set($"k{op}", new byte[ValueBytes]);
            op++;
            if (op % SampleEvery == 0)
            {
                maxCount = Math.Max(maxCount, cache.Count);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                samples.Add((op, GC.GetTotalMemory(forceFullCollection: true)));
            }
        }

        // The first fifth warms up (JIT, pools, the cache filling to its bound).
        var steady = samples.Skip(samples.Count / 5).ToList();
        return new SoakResult(
            Math.Round(Percentiles.Slope(steady), 2),
            maxCount <= MaxEntries,
            maxCount,
            samples.Count,
            op,
            Math.Round(clock.Elapsed.TotalSeconds, 2),
            SlopeThreshold);
    }

    private sealed record SoakResult(double SlopeBytesPerOp, bool CacheBoundHeld, int MaxCacheCount, int Samples, long Operations, double Seconds, double Threshold);
}
