using System.Diagnostics;
using Socrates.Core.Caching;
using Socrates.Core.V2;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The soak workload: database saves, appends and loads, and a bounded cache filled with
/// ever-new keys (2 KB values) in front of them. It warms up first, until the cache is full and
/// every path has run many times, so the cache filling to its bound is never read as growth.
/// Then it measures in phases of a fixed number of operations (never a fixed time: a busy machine
/// must not shorten what is measured), reading the live heap after a full collection every
/// <see cref="OperationsPerCheckpoint"/> operations; each phase's slope is Theil-Sen with its 99%
/// interval, and <see cref="HeapSlopeVerdict"/> decides how many phases are needed.
/// </summary>
internal sealed class SoakRun
{
    public const int MaxEntries = 500;
    public const int ValueBytes = 2_048;
    public const int OperationsPerCheckpoint = 100;

    /// <summary>The shortest phase: enough checkpoints that a 256 B/op leak clears the heap's reading noise.</summary>
    public const int MinCheckpoints = 40;

    /// <summary>Warm-up: the cache filled to its bound four times over.</summary>
    public const int WarmUpOperations = 4 * MaxEntries;

    private readonly AsyncProjectDatabase _db;
    private readonly BoundedCache<string, byte[]> _cache;
    private readonly Random _random = new(2024);
    private long _operations;
    private int _maxCacheCount;

    private SoakRun(AsyncProjectDatabase db)
    {
        _db = db;
        _cache = new BoundedCache<string, byte[]>(new BoundedCacheOptions<string, byte[]> { MaxEntries = MaxEntries, TimeToLive = TimeSpan.FromHours(1) });
    }

    /// <summary>
    /// Warms up, then measures phases until the verdict is decided or the phase budget is spent.
    /// The first phase lasts at least <paramref name="soakDuration"/>; later ones as many
    /// operations as the first, so every phase is judged on the same evidence.
    /// </summary>
    public static async Task<SoakResult> RunAsync(TimeSpan soakDuration, double threshold)
    {
        await using var store = await StressDatabase.CreateAsync();
        for (var p = 0; p < 4; p++)
        {
            await store.Database.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
        }

        var run = new SoakRun(store.Database);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < WarmUpOperations; i++)
        {
            await run.OperationAsync();
        }

        var warmUpSeconds = clock.Elapsed.TotalSeconds;
        var phases = new List<SoakPhase>();
        HeapSlopeVerdict? verdict = null;
        var checkpoints = MinCheckpoints;
        while (verdict is null)
        {
            var phase = await run.PhaseAsync(phases.Count == 0 ? soakDuration : TimeSpan.Zero, checkpoints);
            checkpoints = phase.Checkpoints.Count - 1;
            phases.Add(phase);
            verdict = HeapSlopeVerdict.Decide([.. phases.Select(p => p.Estimate)], threshold);
        }

        return new SoakResult(
            verdict,
            run._maxCacheCount <= MaxEntries,
            run._maxCacheCount,
            run._operations,
            Math.Round(warmUpSeconds, 2),
            Math.Round(clock.Elapsed.TotalSeconds, 2),
            threshold,
            phases);
    }

    private async Task<SoakPhase> PhaseAsync(TimeSpan minimum, int minCheckpoints)
    {
        var clock = Stopwatch.StartNew();
        var points = new List<(double X, double Y)>(minCheckpoints + 1) { (_operations, ReadRetainedHeap()) };
        while (points.Count <= minCheckpoints || clock.Elapsed < minimum)
        {
            for (var i = 0; i < OperationsPerCheckpoint; i++)
            {
                await OperationAsync();
            }

            points.Add((_operations, ReadRetainedHeap()));
        }

        var estimate = TheilSen.Estimate(points);
        return new SoakPhase(
            Math.Round(estimate.Slope, 2),
            Math.Round(estimate.Lower, 2),
            Math.Round(estimate.Upper, 2),
            Math.Round(clock.Elapsed.TotalSeconds, 2),
            estimate,
            [.. points.Select(p => new HeapCheckpoint((long)p.X, (long)p.Y))]);
    }

    private async Task OperationAsync()
    {
        var op = _operations;
        var id = $"p{_random.Next(4)}";
        switch (_random.Next(10))
        {
            case 0:
                var version = await _db.GetProjectVersionAsync(id) ?? 0;
                await _db.SaveProjectAsync(StressDatabase.Project(id, $"s{op}"), version);
                break;
            case 1:
                await _db.AppendMessageAsync(id, new() { Role = "user", Content = $"m{op}" });
                break;
            default:
                await _db.LoadProjectAsync(id);
                break;
        }

        _cache.Set($"k{op}", new byte[ValueBytes]);
        _maxCacheCount = Math.Max(_maxCacheCount, _cache.Count);
        _operations++;
    }

    /// <summary>The live managed heap: what is still referenced once everything collectable is collected.</summary>
    private static long ReadRetainedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>One measured phase: its slope (bytes/op) with the 99% interval, and its checkpoints (operation, live heap bytes).</summary>
internal sealed record SoakPhase(
    double SlopeBytesPerOp,
    double Lower,
    double Upper,
    double Seconds,
    [property: System.Text.Json.Serialization.JsonIgnore] SlopeEstimate Estimate,
    List<HeapCheckpoint> Checkpoints);

/// <summary>The live heap after a full collection, read after <see cref="Operation"/> operations.</summary>
internal readonly record struct HeapCheckpoint(long Operation, long HeapBytes);

/// <summary>The soak's verdict, the cache bound and the evidence behind them.</summary>
internal sealed record SoakResult(
    HeapSlopeVerdict Verdict,
    bool CacheBoundHeld,
    int MaxCacheCount,
    long Operations,
    double WarmUpSeconds,
    double Seconds,
    double Threshold,
    List<SoakPhase> Phases);
