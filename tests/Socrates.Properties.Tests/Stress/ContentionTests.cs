using System.Diagnostics;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Readers starve when they queue behind writers. In one test, on one database: the read p99
/// with no writer, then the read p99 while writers commit continuously; the ratio (contended /
/// alone) is what the gate reads, so the machine's speed cancels out. Alternating rounds (alone,
/// contended, alone, contended...) spread the machine's noise over both sides. Writes
/// <c>stress.read_p99_contention_ratio</c>.
/// </summary>
[Trait("Category", "Stress")]
public sealed class ContentionTests
{
    /// <summary>The proposed gate: a healthy WAL database stays well under it (see the report).</summary>
    private const double RatioThreshold = 10;
    private const int Projects = 32;
    private const int Rounds = 4;
    private const int ReadsPerRound = 200;

    [Fact]
    public async Task ReadsWhileWriting_WalSnapshots_ReadP99RatioUnderThreshold()
    {
        var result = await RunAsync();

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-contention.json", result);
        MetricsWriter.Write("stress", "stress.read_p99_contention_ratio", result.Ratio, "ratio", evidence);

        Assert.True(result.Ratio < RatioThreshold, $"read p99 {result.ContendedP99Ms} ms with writers vs {result.AloneP99Ms} ms alone: ratio {result.Ratio}");
        Assert.True(result.Writes > 20, $"only {result.Writes} writes ran beside the reads: no contention measured");
    }

    [Fact]
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
        await ReadAsync(db, 100, []); // warm-up, not measured
        for (var round = 0; round < Rounds; round++)
        {
            await ReadAsync(db, ReadsPerRound, alone);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 1).Select(w => Task.Run(async () =>
            {
                var random = new Random(w + round * 10);
                while (!stop.IsCancellationRequested)
                {
                    var id = $"p{random.Next(Projects)}";
                    var version = await db.GetProjectVersionAsync(id) ?? 0;
                    try
                    {
                        await db.SaveProjectAsync(Heavy(id, $"w{w}"), version);
                        Interlocked.Increment(ref writes);
                    }
                    catch (Socrates.Core.V2.Errors.ConcurrencyConflictException)
                    {
                        // The other writer won this one.
                    }
                }
            })).ToArray();
            await Task.Delay(20);
            await ReadAsync(db, ReadsPerRound, contended);
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

    /// <summary>A project whose save rewrites 400 messages: a write transaction long enough to queue behind.</summary>
    private static Socrates.Core.Domain.ProjectContext Heavy(string id, string value)
    {
        var project = StressDatabase.Project(id, value);
        project.ConversationHistoryLoaded = true;
        project.ConversationHistory = [.. Enumerable.Range(0, 400).Select(i => new Socrates.Core.Domain.ConversationMessage
        {
            Role = i % 2 == 0 ? "user" : "assistant",
            Content = $"message {i} of {value}",
            Timestamp = new DateTime(2025, 1, 1).AddSeconds(i),
        })];
        return project;
    }

    private static async Task ReadAsync(AsyncProjectDatabase db, int reads, List<double> into)
    {
        var random = new Random(into.Count + 5);
        for (var i = 0; i < reads; i++)
        {
            var began = Stopwatch.GetTimestamp();
            await db.LoadProjectAsync($"p{random.Next(Projects)}");
            into.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
    }

    private sealed record ContentionResult(double Ratio, double AloneP99Ms, double ContendedP99Ms, double AloneP50Ms, double ContendedP50Ms, long Writes, double Threshold);
}
