using Socrates.Core.Domain;
using Socrates.Core.V2;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Measures whether V2's read throughput grows with readers as bare SQLite's does on the same
/// database at the same moment. Each round takes eight short phases back to back: the bare
/// baseline (<see cref="ReaderScalingBaseline"/>) with 1 and N readers, V2 with 1 and N readers
/// loading project metadata; then the same two pairs again while a writer commits durable
/// appends (the writer's own share of the machine lowers both gains alike). Each pair is
/// measured adjacently and the order flips every round (1 before N, then N before 1), so drift
/// and a burst of load from another process fall on both sides. Every throughput has the time
/// other processes held the cores given back (<see cref="PhaseThroughput"/>): on a machine whose
/// other process groups take most of both cores, two readers' wall-clock gain is about 1 whatever the
/// read path does, while the time each reader spent on a core still shows it. The figure is
/// V2's scaling efficiency alone (<see cref="ReaderScalingEstimate"/>) over all rounds; the beside-writer
/// efficiency is recorded in the evidence. Attempts of more rounds follow until the baseline
/// showed parallel capacity (median gain at least <see cref="ReaderScalingSettings.MinBaselineGain"/>)
/// and the efficiency's interval lies wholly on one side of the threshold; when the attempts run
/// out first, the run is inconclusive: noise, not the readers, would decide the verdict.
/// </summary>
internal sealed class ReaderScalingRun
{
    private const int Projects = 16;

    private static readonly string[] s_projectIds = [.. Enumerable.Range(0, Projects).Select(p => $"p{p}")];

    private readonly AsyncProjectDatabase _db;
    private readonly ReaderScalingBaseline _baseline;

    private ReaderScalingRun(AsyncProjectDatabase db, ReaderScalingBaseline baseline)
    {
        _db = db;
        _baseline = baseline;
    }

    public static async Task<ReaderScalingResult> RunAsync(ReaderScalingSettings settings, double threshold)
    {
        // Phases start their loops with Task.Run: no loop may wait for the pool to inject a thread.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * (settings.Readers + 2)), io);
        try
        {
            await using var store = await StressDatabase.CreateAsync(o =>
            {
                o.PoolSize = settings.Readers + 2;
                o.Synchronous = SynchronousMode.Full;
            });
            for (var p = 0; p < Projects; p++)
            {
                await store.Database.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
            }

            await store.Database.SaveProjectAsync(StressDatabase.Project("written", "seed"), 0);
            using var baseline = new ReaderScalingBaseline(store.Path, s_projectIds);
            var run = new ReaderScalingRun(store.Database, baseline);
            _ = await run.RoundAsync(-1, settings with { Phase = settings.Phase * 4 }); // warm-up: JIT tiers, page cache, pool threads
            return await run.MeasureAsync(settings, threshold);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    private async Task<ReaderScalingResult> MeasureAsync(ReaderScalingSettings settings, double threshold)
    {
        var rounds = new List<ReaderScalingRound>();
        long writes = 0;
        var attempts = 0;
        double baselineGain;
        ReaderScalingEstimate alone;
        bool decided;
        do
        {
            attempts++;
            for (var r = 0; r < settings.RoundsPerAttempt; r++)
            {
                var (round, written) = await RoundAsync(rounds.Count, settings);
                rounds.Add(round);
                writes += written;
            }

            baselineGain = ReaderScalingEstimate.MedianGain(rounds.Select(r => r.Alone.BaselineGain));
            alone = ReaderScalingEstimate.Of([.. rounds.Select(r => (r.Alone.ReadGain, r.Alone.BaselineGain))]);
            decided = baselineGain >= settings.MinBaselineGain && (alone.Above(threshold) || alone.Below(threshold));
        }
        while (!decided && attempts < settings.Attempts);

        // Recorded, not judged: the writer is one of this process's threads, so the run-queue
        // time it causes the readers is given back as if another process had caused it.
        var baselineGainBesideWriter = ReaderScalingEstimate.MedianGain(rounds.Select(r => r.BesideWriter.BaselineGain));
        var withWriter = ReaderScalingEstimate.Of([.. rounds.Select(r => (r.BesideWriter.ReadGain, r.BesideWriter.BaselineGain))]);
        var reason = decided ? null
            : baselineGain < settings.MinBaselineGain
                ? $"the machine showed no parallel capacity: median gain of {settings.Readers} bare SQLite readers against one {baselineGain} over {rounds.Count} rounds, {settings.MinBaselineGain} needed (other processes hold the cores)"
                : $"too noisy: the efficiency's {1 - (2 * ReaderScalingEstimate.TailProbability):P0} interval [{alone.Low}, {alone.High}] holds the threshold {threshold} after {rounds.Count} rounds";
        return new ReaderScalingResult(
            decided,
            reason,
            alone.Efficiency,
            threshold,
            alone,
            withWriter,
            baselineGain,
            baselineGainBesideWriter,
            ReaderScalingEstimate.MedianGain(rounds.Select(r => r.Alone.ReadGain)),
            ReaderScalingEstimate.MedianGain(rounds.Select(r => r.BesideWriter.ReadGain)),
            attempts,
            writes,
            settings,
            rounds);
    }

    private async Task<(ReaderScalingRound Round, long Writes)> RoundAsync(int round, ReaderScalingSettings settings)
    {
        var n = settings.Readers;
        var oneFirst = round % 2 == 0;
        (PhaseThroughput One, PhaseThroughput Many) baseline = default, read = default, baselineBesideWriter = default, readBesideWriter = default;
        long writes = 0;
        for (var i = 0; i < 3; i++)
        {
            switch (oneFirst ? i : 2 - i)
            {
                case 0:
                    baseline = await PairAsync(n, oneFirst, settings.Phase, _baseline.LoopAsync);
                    break;
                case 1:
                    read = await PairAsync(n, oneFirst, settings.Phase, ReadLoopAsync);
                    break;
                default:
                    // The writer takes its share of the machine: compare with the baseline's gain beside it.
                    writes = await BesideWriterAsync(async () =>
                    {
                        if (oneFirst)
                        {
                            baselineBesideWriter = await PairAsync(n, oneFirst, settings.Phase, _baseline.LoopAsync);
                            readBesideWriter = await PairAsync(n, oneFirst, settings.Phase, ReadLoopAsync);
                        }
                        else
                        {
                            readBesideWriter = await PairAsync(n, oneFirst, settings.Phase, ReadLoopAsync);
                            baselineBesideWriter = await PairAsync(n, oneFirst, settings.Phase, _baseline.LoopAsync);
                        }
                    });
                    break;
            }
        }

        return (new ReaderScalingRound(round, baseline, read, baselineBesideWriter, readBesideWriter), writes);
    }

    /// <summary>Throughput of 1 and of <paramref name="n"/> copies of <paramref name="loop"/>, in the given order.</summary>
    private static async Task<(PhaseThroughput One, PhaseThroughput Many)> PairAsync(int n, bool oneFirst, TimeSpan phase, Func<ReaderLoopClock, Task<long>> loop)
    {
        if (oneFirst)
        {
            var one = await ReaderScalingPhase.ThroughputAsync(1, phase, loop);
            return (one, await ReaderScalingPhase.ThroughputAsync(n, phase, loop));
        }

        var many = await ReaderScalingPhase.ThroughputAsync(n, phase, loop);
        return (await ReaderScalingPhase.ThroughputAsync(1, phase, loop), many);
    }

    /// <summary>Runs <paramref name="measure"/> while one writer commits durable appends back to back; returns the writes.</summary>
    private async Task<long> BesideWriterAsync(Func<Task> measure)
    {
        var stop = new StopSignal();
        var writer = Task.Run(() => WriteLoopAsync(stop));
        try
        {
            await measure();
        }
        finally
        {
            stop.Set();
        }

        return await writer;
    }

    private async Task<long> ReadLoopAsync(ReaderLoopClock clock)
    {
        long reads = 0;
        while (clock.Continue())
        {
            var load = _db.LoadProjectAsync(s_projectIds[Random.Shared.Next(Projects)]);
            if (!load.IsCompleted)
            {
                clock.LeftThread();
            }

            _ = await load ?? throw new InvalidOperationException("a seeded project vanished");
            reads++;
        }

        return reads;
    }

    private async Task<long> WriteLoopAsync(StopSignal stop)
    {
        long writes = 0;
        while (!stop.IsSet)
        {
            await _db.AppendMessageAsync("written", new ConversationMessage { Role = "user", Content = "w" });
            writes++;
        }

        return writes;
    }
}
