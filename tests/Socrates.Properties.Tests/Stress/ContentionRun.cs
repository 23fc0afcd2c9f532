using System.Diagnostics;
using Socrates.Core.Domain;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The lock-contention workload. <see cref="Readers"/> readers load projects back to back for
/// the whole run, while <see cref="Writers"/> writers commit durable appends back to back
/// (synchronous FULL: each commit holds the write lock through a WAL fsync, the time a real write
/// transaction lasts), switched between two databases in alternating windows: in an "alone"
/// window they write to a second database of the same shape (no write of theirs in flight on the
/// readers' one), in a "contended" window to the readers' database, and so on. Both windows
/// carry the same CPU and fsync load; only sharing the database differs, so the ratio shows
/// reads queueing behind writes and not the machine's time-slicing of eight busy threads on its
/// cores (readers fast enough to take a tenth of a millisecond are preempted in both windows
/// alike). A read counts
/// for the window it started in: for an alone window only if it also ended before the writers
/// were switched on (the switch waits for it), reads that start during a switch are left out.
/// So both distributions are sampled interleaved, tenths of a second apart, under the same
/// machine noise: a burst of load from another process lands on both. Each round gives one
/// ratio, read p99 contended / read p99 alone; the figure is the median of the rounds' ratios,
/// so one round hit by a noise burst cannot move it. A read that fails (busy, timeout) counts with
/// the time it took: a starved reader still waited.
/// A starved reader waits about one contended window, so a round whose alone p99 is already above
/// <see cref="ContendedWindow"/> / threshold could not reach the threshold even if every read
/// starved: the machine's noise has drowned it, and it is not counted (<see cref="ContentionRound.Decisive"/>).
/// Rounds run until <see cref="Rounds"/> decisive ones are in, at most <see cref="MaxRounds"/>;
/// fewer decisive rounds, or too few writes or reads to show contention, make the run inconclusive.
/// </summary>
internal sealed class ContentionRun
{
    public const int Readers = 4;
    public const int Writers = 4;
    public const int Rounds = 7;
    public const int MaxRounds = 2 * Rounds;
    public const int MinWritesPerRound = 20;
    public const int WindowPairsPerRound = 3;
    public const int Projects = 16;

    /// <summary>Floor of the alone p99 in the ratio's denominator: below it, timer noise.</summary>
    public const double AloneFloorMs = 0.05;

    /// <summary>Length of an alone window.</summary>
    public static readonly TimeSpan AloneWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Length of a contended window: long against the machine's scheduling noise (the alone p99
    /// measured 5-90 ms at load average 30-40 on the shared 2-core machine), since a starved
    /// reader waits until the writers stop at the window's end: that wait is the canary's signal.
    /// </summary>
    public static readonly TimeSpan ContendedWindow = TimeSpan.FromMilliseconds(300);

    private const int Switching = 0;
    private const int Alone = 1;
    private const int Contended = 2;

    private readonly AsyncProjectDatabase _db;
    private readonly AsyncProjectDatabase _elsewhere;
    private int _kind = Switching;
    private int _writersOn;
    private int _writesInFlight;
    private int _aloneReadsInFlight;
    private int _stopped;

    private ContentionRun(AsyncProjectDatabase db, AsyncProjectDatabase elsewhere)
    {
        _db = db;
        _elsewhere = elsewhere;
    }

    public static async Task<ContentionResult> RunAsync(double threshold)
    {
        // Writers block their thread in fsync; with the 2-thread floor of a 2-core machine the
        // readers would wait for thread injection, not for the database. Raise the floor.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * (Readers + Writers)), io);
        try
        {
            await using var store = await SeededAsync();
            await using var elsewhere = await SeededAsync();
            var run = new ContentionRun(store.Database, elsewhere.Database);
            _ = await run.RoundAsync(-1, windowPairs: 1, threshold); // warm-up (JIT, page cache, thread pool), not measured
            var rounds = new List<ContentionRound>();
            while (rounds.Count(r => r.Decisive) < Rounds && rounds.Count < MaxRounds)
            {
                rounds.Add(await run.RoundAsync(rounds.Count, WindowPairsPerRound, threshold));
            }

            var decisive = rounds.Where(r => r.Decisive).ToList();
            var ratios = (decisive.Count > 0 ? decisive : rounds).Select(r => r.Ratio).Order().ToList();
            return new ContentionResult(
                ratios[ratios.Count / 2],
                Unusable(rounds, decisive, threshold),
                threshold,
                ratios[0],
                ratios[^1],
                rounds.Sum(r => r.AloneReads),
                rounds.Sum(r => r.ContendedReads),
                rounds.Sum(r => r.Writes),
                rounds.Sum(r => r.FailedReads),
                Readers,
                Writers,
                AloneWindow.TotalMilliseconds,
                ContendedWindow.TotalMilliseconds,
                rounds);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, io);
        }
    }

    private static async Task<StressDatabase> SeededAsync()
    {
        var store = await StressDatabase.CreateAsync(o =>
        {
            o.PoolSize = Readers + Writers + 2;
            o.Synchronous = SynchronousMode.Full;
            o.Offloading = WorkOffloading.Always;
        });
        for (var p = 0; p < Projects; p++)
        {
            await store.Database.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
        }

        return store;
    }

    /// <summary>Why the rounds cannot give a figure, or null when they can.</summary>
    private static string? Unusable(List<ContentionRound> rounds, List<ContentionRound> decisive, double threshold)
    {
        if (decisive.Count < Rounds)
        {
            return FormattableString.Invariant(
                $"only {decisive.Count} of {rounds.Count} rounds could tell: in the others the read p99 with no writer ({string.Join(", ", rounds.Where(r => !r.Decisive).Select(r => r.AloneP99Ms))} ms) was above {ContendedWindow.TotalMilliseconds / threshold} ms, where even starved readers could not reach a ratio of {threshold}");
        }

        var writes = decisive.Sum(r => r.Writes);
        var contendedReads = decisive.Sum(r => r.ContendedReads);
        return writes < MinWritesPerRound * Rounds || contendedReads < Rounds * Readers
            ? $"too little contention to judge: {writes} writes and {contendedReads} reads beside them in {decisive.Count} rounds"
            : null;
    }

    private async Task<ContentionRound> RoundAsync(int round, int windowPairs, double threshold)
    {
        Volatile.Write(ref _stopped, 0);
        var writeLatencies = new List<double>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w, writeLatencies))).ToArray();
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(() => ReadAsync(r + ((round + 2) * Readers)))).ToArray();
        for (var pair = 0; pair < windowPairs; pair++)
        {
            // Alternate which window opens the round, so drift within a round falls on both sides.
            var contendedFirst = (round + pair) % 2 != 0;
            await WindowAsync(contendedFirst ? Contended : Alone);
            await WindowAsync(contendedFirst ? Alone : Contended);
        }

        await SwitchToAsync(Switching);
        Interlocked.Exchange(ref _stopped, 1);
        var samples = await Task.WhenAll(readers);
        await Task.WhenAll(writers);

        var alone = samples.SelectMany(s => s.Alone).ToList();
        var contended = samples.SelectMany(s => s.Contended).ToList();
        var aloneP99 = Percentiles.Of(alone, 99);
        var contendedP99 = Percentiles.Of(contended, 99);
        return new ContentionRound(
            round,
            Math.Max(aloneP99, AloneFloorMs) * threshold <= ContendedWindow.TotalMilliseconds,
            Math.Round(contendedP99 / Math.Max(aloneP99, AloneFloorMs), 3),
            Math.Round(aloneP99, 3),
            Math.Round(contendedP99, 3),
            Math.Round(Percentiles.Of(alone, 50), 3),
            Math.Round(Percentiles.Of(contended, 50), 3),
            alone.Count,
            contended.Count,
            samples.Sum(s => s.Failed),
            writeLatencies.Count,
            Math.Round(Percentiles.Of(writeLatencies, 50), 3));
    }

    private async Task WindowAsync(int kind)
    {
        await SwitchToAsync(kind);
        await Task.Delay(kind == Contended ? ContendedWindow : AloneWindow);
    }

    /// <summary>
    /// Opens a window of <paramref name="kind"/>. Reads that start while switching are left out;
    /// the writers write to the readers' database only in a contended window (elsewhere
    /// otherwise), and an alone window opens only once no write to the readers' database is in
    /// flight, and closes only once no read it counts is still in flight.
    /// </summary>
    private async Task SwitchToAsync(int kind)
    {
        var previous = Interlocked.Exchange(ref _kind, Switching);
        if (previous == Alone)
        {
            while (Volatile.Read(ref _aloneReadsInFlight) > 0)
            {
                await Task.Yield();
            }
        }

        if (kind == Contended)
        {
            Interlocked.Exchange(ref _writersOn, 1);
        }
        else
        {
            Interlocked.Exchange(ref _writersOn, 0);
            while (Volatile.Read(ref _writesInFlight) > 0)
            {
                await Task.Yield();
            }
        }

        Interlocked.Exchange(ref _kind, kind);
    }

    private async Task<ReaderSamples> ReadAsync(int seed)
    {
        var random = new Random(seed);
        var samples = new ReaderSamples();
        while (Volatile.Read(ref _stopped) == 0)
        {
            var kind = Volatile.Read(ref _kind);
            if (kind == Alone)
            {
                Interlocked.Increment(ref _aloneReadsInFlight);
                if (Volatile.Read(ref _kind) != Alone)
                {
                    Interlocked.Decrement(ref _aloneReadsInFlight); // the window closed meanwhile
                    kind = Switching;
                }
            }

            var began = Stopwatch.GetTimestamp();
            try
            {
                _ = await _db.LoadProjectAsync($"p{random.Next(Projects)}") ?? throw new InvalidOperationException("a seeded project vanished");
            }
            catch (DatabaseException)
            {
                samples.Failed++;
            }

            var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            if (kind == Alone)
            {
                samples.Alone.Add(elapsed);
                Interlocked.Decrement(ref _aloneReadsInFlight);
            }
            else if (kind == Contended)
            {
                samples.Contended.Add(elapsed);
            }
        }

        return samples;
    }

    /// <summary>
    /// Durable appends back to back, each writer on its own projects (no conflicts): to the
    /// readers' database while the writers are on, to the other one otherwise.
    /// </summary>
    private async Task WriteAsync(int writer, List<double> latencies)
    {
        var random = new Random(writer);
        var mine = new List<double>();
        while (Volatile.Read(ref _stopped) == 0)
        {
            var project = $"p{writer + (Writers * random.Next(Projects / Writers))}";
            var message = new ConversationMessage { Role = "user", Content = $"w{writer}" };
            Interlocked.Increment(ref _writesInFlight);
            if (Volatile.Read(ref _writersOn) == 0)
            {
                Interlocked.Decrement(ref _writesInFlight);
                await _elsewhere.AppendMessageAsync(project, message);
                continue;
            }

            try
            {
                var began = Stopwatch.GetTimestamp();
                await _db.AppendMessageAsync(project, message);
                mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
            finally
            {
                Interlocked.Decrement(ref _writesInFlight);
            }
        }

        lock (latencies)
        {
            latencies.AddRange(mine);
        }
    }

    private sealed class ReaderSamples
    {
        public List<double> Alone { get; } = [];

        public List<double> Contended { get; } = [];

        public int Failed { get; set; }
    }
}

/// <summary>One round: its ratio and the figures behind it (milliseconds).</summary>
internal sealed record ContentionRound(
    int Round,
    bool Decisive,
    double Ratio,
    double AloneP99Ms,
    double ContendedP99Ms,
    double AloneP50Ms,
    double ContendedP50Ms,
    int AloneReads,
    int ContendedReads,
    int FailedReads,
    int Writes,
    double WriteP50Ms);

/// <summary>
/// The measured figure (median of the decisive rounds' ratios) and the evidence behind it;
/// <see cref="Unusable"/> says why the figure decides nothing, or is null.
/// </summary>
internal sealed record ContentionResult(
    double Ratio,
    string? Unusable,
    double Threshold,
    double MinRoundRatio,
    double MaxRoundRatio,
    int AloneReads,
    int ContendedReads,
    int Writes,
    int FailedReads,
    int Readers,
    int WritersCount,
    double AloneWindowMs,
    double ContendedWindowMs,
    List<ContentionRound> Rounds);
