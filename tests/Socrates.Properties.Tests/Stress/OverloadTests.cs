using System.Collections.Concurrent;
using System.Diagnostics;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Ten times more concurrent callers than pool connections, a short pool wait: callers that get
/// no connection must get the typed <see cref="DatabaseOverloadedException"/> (a conflict is a
/// typed, expected answer too); nothing else may fail; the pool is never exceeded (canaries:
/// <see cref="V2Failpoints.PoolUnbounded"/>, <see cref="V2Failpoints.PoolUntypedExhaustion"/>). Writes
/// <c>stress.overload_untyped_failures</c>, <c>stress.pool_bound_exceeded</c> and
/// <c>stress.overload_p99_ms</c> (admitted operations).
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class OverloadTests
{
    private const int PoolSize = 4;
    private const int Callers = PoolSize * 10;

    [Fact]
    public async Task TenTimesMoreCallersThanConnections_OnlyTypedOverload_PoolBoundHeld()
    {
        // The pool only proves something when callers really overlap. On a loaded 2-core machine
        // the thread pool may start too few threads for that: raise its floor, and run again
        // (at most 3 times) if the load still never filled more than one connection.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Callers + PoolSize), io);
        var result = await RunAsync(TestProfile.Current.StressOperations);
        for (var attempt = 1; attempt < 3 && result.PeakInUse < 2; attempt++)
        {
            result = await RunAsync(TestProfile.Current.StressOperations);
        }

        ThreadPool.SetMinThreads(workers, io);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-overload.json", result);
        MetricsWriter.Write("stress", "stress.overload_untyped_failures", result.UntypedFailures, "count", evidence);
        MetricsWriter.Write("stress", "stress.pool_bound_exceeded", result.BoundExceeded, "connections", evidence);
        MetricsWriter.Write("stress", "stress.overload_p99_ms", result.AdmittedP99Ms, "ms", evidence);

        Assert.True(result.UntypedFailures == 0, string.Join("; ", result.FirstUntyped));
        Assert.Equal(0, result.BoundExceeded);
        Assert.True(result.Admitted > 0);
        Assert.True(result.PeakInUse >= 2, $"peak {result.PeakInUse}: the load never filled the pool, it proves nothing");
    }

    [Fact]
    public async Task TenTimesMoreCallersThanConnections_UnboundedPoolCanary_BoundExceeded()
    {
        // As above: callers must really overlap for an unbounded pool to show; bounded re-runs.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Callers + PoolSize), io);
        OverloadResult result;
        using (Failpoint.Enable(V2Failpoints.PoolUnbounded))
        {
            result = await RunAsync(400);
            for (var attempt = 1; attempt < 5 && result.BoundExceeded == 0; attempt++)
            {
                result = await RunAsync(400);
            }
        }

        ThreadPool.SetMinThreads(workers, io);

        Assert.True(result.BoundExceeded > 0, $"peak in use {result.PeakInUse} with a pool of {PoolSize}");
    }

    [Fact]
    public async Task TenTimesMoreCallersThanConnections_UntypedExhaustionCanary_UntypedFailuresCounted()
    {
        // A full pool must surface untyped here; callers must overlap to fill it: bounded re-runs.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Callers + PoolSize), io);
        OverloadResult result;
        using (Failpoint.Enable(V2Failpoints.PoolUntypedExhaustion))
        {
            result = await RunAsync(400);
            for (var attempt = 1; attempt < 5 && result.UntypedFailures == 0; attempt++)
            {
                result = await RunAsync(400);
            }
        }

        ThreadPool.SetMinThreads(workers, io);

        MetricsWriter.WriteEvidence("stress", "stress-overload-canary.json", result);
        Assert.True(result.UntypedFailures > 0, $"the full pool threw untyped errors, yet none was counted (peak in use {result.PeakInUse}, typed overloads {result.Overloaded})");
        Assert.All(result.FirstUntyped, u => Assert.StartsWith(nameof(InvalidOperationException), u, StringComparison.Ordinal));
        Assert.Equal(0, result.Overloaded);
    }

    private static async Task<OverloadResult> RunAsync(int operations)
    {
        await using var store = await StressDatabase.CreateAsync(o =>
        {
            o.PoolSize = PoolSize;
            o.PoolWaitTimeout = TimeSpan.FromMilliseconds(1);
            o.OperationTimeout = TimeSpan.FromSeconds(20);
            o.Offloading = WorkOffloading.Always;
        });
        var db = store.Database;
        for (var p = 0; p < 8; p++)
        {
            await db.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
        }

        var latencies = new ConcurrentBag<double>();
        var untyped = new ConcurrentQueue<string>();
        long overloaded = 0, conflicts = 0;
        using var start = new SemaphoreSlim(0, Callers);
        var perCaller = Math.Max(1, operations / Callers);
        var tasks = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            await start.WaitAsync();
            var random = new Random(c);
            for (var i = 0; i < perCaller; i++)
            {
                var id = $"p{random.Next(8)}";
                var began = Stopwatch.GetTimestamp();
                try
                {
                    if (random.Next(4) == 0)
                    {
                        var version = await db.GetProjectVersionAsync(id) ?? 0;
                        await db.SaveProjectAsync(StressDatabase.Project(id, $"c{c}-{i}"), version);
                    }
                    else
                    {
                        await db.LoadProjectAsync(id, ProjectLoad.Full);
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                }
                catch (DatabaseOverloadedException)
                {
                    Interlocked.Increment(ref overloaded);
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
                catch (Exception error)
                {
                    untyped.Enqueue($"{error.GetType().Name}: {error.Message}");
                }
            }
        })).ToArray();
        start.Release(Callers);
        await Task.WhenAll(tasks);

        var peak = db.PeakConnectionsInUse;
        return new OverloadResult(
            untyped.Count,
            [.. untyped.Take(10)],
            Math.Max(0, peak - PoolSize),
            peak,
            latencies.Count,
            overloaded,
            conflicts,
            Math.Round(Percentiles.Of([.. latencies], 99), 3),
            Math.Round(Percentiles.Of([.. latencies], 50), 3));
    }

    private sealed record OverloadResult(
        int UntypedFailures,
        List<string> FirstUntyped,
        int BoundExceeded,
        int PeakInUse,
        int Admitted,
        long Overloaded,
        long Conflicts,
        double AdmittedP99Ms,
        double AdmittedP50Ms);
}
