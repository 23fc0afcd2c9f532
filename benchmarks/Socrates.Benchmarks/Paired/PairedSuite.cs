using Socrates.Evidence;
using Socrates.Benchmarks.Caching;
using Socrates.Benchmarks.Logging;
using Socrates.Benchmarks.Projects;
using Socrates.Benchmarks.Search;
using Socrates.Benchmarks.Sqlite;

namespace Socrates.Benchmarks.Paired;

/// <summary>
/// The paired comparisons, each side one call of an existing BenchmarkDotNet benchmark method on
/// an instance set up by its own [GlobalSetup] method, so both sides do exactly what the
/// BenchmarkDotNet benchmarks do. Async sides (loads, saves) are started on the measuring
/// thread and waited for with GetAwaiter().GetResult(), as BenchmarkDotNet's in-process toolchain
/// waits for a Task-returning benchmark.
/// </summary>
/// <remarks>
/// <para>The database pairs (loads, save) run on a thread-pool thread, as an async server's
/// request handler calls its data layer: V2's default offloading (<c>WorkOffloading.Auto</c>)
/// then runs the statement inline, so the figures are the two stores' own work. A caller on a
/// dedicated thread (a UI, a console's main thread, BenchmarkDotNet's in-process runner) makes
/// V2 hop to the pool to free that thread, which costs two context switches (about 0.4x of a
/// point load's floor on this 2-core guest); <see cref="PointLoadOffloadedOverhead"/> measures
/// that path, and the BenchmarkDotNet comparisons keep measuring it too.</para>
/// <para>The cached search runs on a thread-pool thread too. The cache hit, logging, SQLite-floor
/// and exact-search pairs are synchronous and run on the runner's thread. The exact-search pair's sides are methods of a paired-only fixture
/// (<see cref="ExactSearchFloor"/>), not BenchmarkDotNet benchmarks.</para>
/// </remarks>
public static class PairedSuite
{
    public const string CacheHitOverhead = "bench.paired.cache_hit_overhead";
    public const string LoadFullSpeedup = "bench.paired.load_full_speedup";
    public const string SaveSpeedup = "bench.paired.save_speedup";
    public const string LoggingOverhead = "bench.paired.logging_overhead";
    public const string PointLoadOverhead = "bench.paired.point_load_overhead";
    public const string PointLoadOffloadedOverhead = "bench.paired.point_load_offloaded_overhead";
    public const string LoadLazySpeedup = "bench.paired.load_lazy_speedup";
    public const string UserSelectionCost = "bench.paired.user_selection_cost";
    public const string ExactSearchFloorOverhead = "bench.paired.exact_search_floor_overhead";
    public const string SqliteSeekSpeedup = "bench.paired.sqlite_seek_speedup";
    public const string CachedSearchSpeedup = "bench.paired.cached_search_speedup";
    public const string GetUserProjectsSpeedup = "bench.paired.get_user_projects_speedup";

    /// <summary>Every pair's id, in the order they run.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        [
            CacheHitOverhead, LoadFullSpeedup, LoadLazySpeedup, PointLoadOverhead, PointLoadOffloadedOverhead, UserSelectionCost, SaveSpeedup, LoggingOverhead, ExactSearchFloorOverhead,
            SqliteSeekSpeedup, CachedSearchSpeedup, GetUserProjectsSpeedup,
        ];

    /// <summary>
    /// How many processes measure <paramref name="id"/> (<see cref="PairedProcesses"/> keeps the one
    /// whose baseline side ran fastest): five for the pairs whose regression against the stored
    /// runs is gated, so a spell in which the machine ran slowly (it lasts tens of seconds, and
    /// slowed two processes in a row in a run of three) cannot turn that gate red; one for the others.
    /// </summary>
    public static int ProcessesFor(string id) => id is PointLoadOverhead or UserSelectionCost ? 5 : 1;

    /// <summary>The ids of <see cref="Ids"/> that contain one of <paramref name="filters"/> (all when empty), in run order.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        return [.. Ids.Where(id => filters.Count == 0 || filters.Any(f => id.Contains(f, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>
    /// Runs, in this process, every pair whose id contains one of <paramref name="filters"/> (all when empty); writes
    /// each pair's samples under <paramref name="directory"/>. A fixture or pair that throws is
    /// reported in <paramref name="problems"/> and the others still run (a canary run naming a
    /// harness-only failpoint makes Socrates.Core's failpoint registry throw in the core pairs; the
    /// pair the canary targets must still measure).
    /// </summary>
    public static IReadOnlyList<string> Run(PairedRunner runner, string directory, IReadOnlyList<string> filters, TextWriter log, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(log);
        var written = new List<string>();
        var selected = Select(filters);
        bool Selected(string id) => selected.Contains(id);

        void Measure(PairDefinition pair)
        {
            var samples = runner.Run(pair);
            written.Add(PairedSamplesFile.Write(samples, directory));
            var ratios = samples.Rounds.Select(r => r.CandidateNs / r.BaselineNs).Order().ToArray();
            log.WriteLine($"paired: {pair.Id}: {samples.Rounds.Count} rounds, batches {samples.BaselineBatch}/{samples.CandidateBatch}, " +
                          $"median {pair.CandidateName}/{pair.BaselineName} = {ratios[ratios.Length / 2]:F3}");
        }

        void Guarded(string what, Action block)
        {
            try
            {
                block();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problems.Add($"paired {what}: {e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? " (" + inner.Message + ")" : string.Empty)}");
                log.WriteLine($"paired: {what}: FAILED: {e.Message}");
            }
        }

        Directory.CreateDirectory(directory);
        // A pair that fails now must not leave an earlier run's samples for paired-compare to read.
        foreach (var id in selected)
        {
            File.Delete(Path.Combine(directory, id + ".json"));
        }

        if (Selected(CacheHitOverhead))
        {
            Guarded(CacheHitOverhead, () =>
            {
                var cache = new CacheHitBenchmarks();
                cache.Setup();
                Measure(PairDefinition.Pair(CacheHitOverhead,
                    "A BoundedCache hit against a bare ConcurrentDictionary lookup (64 lookups per call), interleaved",
                    PairDefinition.Ratio, ("DictionaryHit", () => cache.DictionaryHit()), ("BoundedCacheHit", () => cache.BoundedCacheHit())));
            });
        }

        if (Selected(LoadFullSpeedup) || Selected(LoadLazySpeedup) || Selected(PointLoadOverhead) || Selected(PointLoadOffloadedOverhead))
        {
            Guarded("LoadProjectBenchmarks", () =>
            {
                var load = new LoadProjectBenchmarks();
                try
                {
                    load.Setup();
                    if (Selected(LoadFullSpeedup))
                    {
                        Guarded(LoadFullSpeedup, () => OnThreadPool(() => Measure(PairDefinition.Pair(LoadFullSpeedup,
                            "LoadProject of a 500-message project: V2 full load against V1 read + unpickle + map, called from a thread-pool thread as a server does, interleaved",
                            PairDefinition.Speedup, ("V1Load", () => Wait(load.V1LoadOnce())), ("V2FullLoad", () => Wait(load.V2FullLoadOnce()))))));
                    }

                    if (Selected(LoadLazySpeedup))
                    {
                        Guarded(LoadLazySpeedup, () => OnThreadPool(() => Measure(PairDefinition.Pair(LoadLazySpeedup,
                            "LoadProject of a 500-message project: V2 metadata-only (lazy history) against V1 read + unpickle + map, called from a thread-pool thread as a server does, interleaved",
                            PairDefinition.Speedup, ("V1Load", () => Wait(load.V1LoadOnce())), ("V2LazyLoad", () => Wait(load.V2LazyLoadOnce()))))));
                    }

                    if (Selected(PointLoadOverhead))
                    {
                        Guarded(PointLoadOverhead, () => OnThreadPool(() => Measure(PairDefinition.Pair(PointLoadOverhead,
                            "V2 metadata-only LoadProject against its floor (one prepared statement, one open connection), called from a thread-pool thread as a server does, interleaved",
                            PairDefinition.Ratio, ("PointLoadFloor", () => load.PointLoadFloorOnce()), ("V2LazyLoad", () => Wait(load.V2LazyLoadOnce()))))));
                    }

                    if (Selected(PointLoadOffloadedOverhead))
                    {
                        Guarded(PointLoadOffloadedOverhead, () => Measure(PairDefinition.Pair(PointLoadOffloadedOverhead,
                            "V2 metadata-only LoadProject against its floor, called from a dedicated (non-pool) thread: V2 hops to the pool to free the caller, interleaved",
                            PairDefinition.Ratio, ("PointLoadFloor", () => load.PointLoadFloorOnce()), ("V2LazyLoad", () => Wait(load.V2LazyLoadOnce())))));
                    }
                }
                finally
                {
                    load.Cleanup();
                }
            });
        }

        if (Selected(GetUserProjectsSpeedup))
        {
            // V1's full scan unpickles 1,000 projects: ~275 ms a call, 56x V2's query. 16 rounds
            // after 8 warm-up calls (~15 s) prove a speed-up that large; the profile's 48 rounds
            // after 64 calls would take a minute (DOTNET_TC_CallCountingDelayMs=0 tiers the scan's
            // inner methods up within the first call, which runs them thousands of times).
            Guarded(GetUserProjectsSpeedup, () =>
            {
                var users = new GetUserProjectsBenchmarks();
                try
                {
                    users.Setup();
                    OnThreadPool(() => Measure(PairDefinition.Pair(GetUserProjectsSpeedup,
                        "A user's projects among 1,000 (20 owners): V2 indexed query against V1 full scan with unpickling, called from a thread-pool thread as a server does, interleaved",
                        PairDefinition.Speedup, ("V1FullScan", () => Wait(users.V1FullScan())), ("V2Indexed", () => Wait(users.V2Indexed()))) with { Rounds = 16, MinimumWarmupCalls = 8 }));
                }
                finally
                {
                    users.Cleanup();
                }
            });
        }

        if (Selected(UserSelectionCost))
        {
            // The user-selection subquery of GetUserProjects (three indexed arms, counted) against a V2
            // existence check by primary key (the same machinery, no owner index): the ratio itself
            // means little, its regression against the stored runs is the gate (a lost owner index
            // shows here and not in the whole GetUserProjects, which loading the matches dominates).
            Guarded(UserSelectionCost, () =>
            {
                var users = new GetUserProjectsBenchmarks();
                try
                {
                    users.Setup();
                    OnThreadPool(() => Measure(PairDefinition.Pair(UserSelectionCost,
                        "GetUserProjects' user selection (owner, collaborator and team-member index seeks, counted) against V2's existence check by primary key, called from a thread-pool thread, interleaved",
                        PairDefinition.Ratio, ("V2ExistsById", () => WaitFlag(users.V2ExistsById())), ("V2CountIndexed", () => Wait(users.V2CountIndexed())))));
                }
                finally
                {
                    users.Cleanup();
                }
            });
        }

        if (Selected(SaveSpeedup))
        {
            Guarded(SaveSpeedup, () =>
            {
                var save = new SaveProjectBenchmarks();
                try
                {
                    save.Setup();
                    OnThreadPool(() => Measure(PairDefinition.Pair(SaveSpeedup,
                        "SaveProject (12 messages, version-checked update): V2 one transaction against V1 pickle + INSERT OR REPLACE, called from a thread-pool thread as a server does, interleaved",
                        PairDefinition.Speedup, ("V1Save", () => Wait(save.V1Save())), ("V2Save", () => Wait(save.V2Save())))));
                }
                finally
                {
                    save.Cleanup();
                }
            });
        }

        if (Selected(LoggingOverhead))
        {
            Guarded(LoggingOverhead, () =>
            {
                var logging = new LoggingOverheadBenchmarks();
                try
                {
                    logging.Setup();
                    Measure(PairDefinition.Pair(LoggingOverhead,
                        "Logging on against off: the operation with its Information line formatted into a provider, interleaved",
                        PairDefinition.Ratio, ("NoLogging", () => (long)logging.NoLogging()), ("LoggingEnabled", () => (long)logging.LoggingEnabled())));
                }
                finally
                {
                    logging.Cleanup();
                }
            });
        }

        if (Selected(SqliteSeekSpeedup))
        {
            Guarded(SqliteSeekSpeedup, () =>
            {
                // The seek is only ~3x the scan, 1.5x above its gate's floor. With batches sized in advance,
                // a sizing that fell into a slow spell gave slices of unequal length (36 scans against 961
                // seeks), and under load the longer slices were preempted more: 0.46-0.63 without a defect.
                // Timed slices last equally long; a round takes ~32 ms, so 192 rounds cost ~6 s and narrow the interval.
                var sqlite = new SqliteFloorBenchmarks { Rows = 1000 };
                try
                {
                    sqlite.Setup();
                    Measure(PairDefinition.Pair(SqliteSeekSpeedup,
                        "SQLite primary-key seek against a full scan (1,000 rows, WAL), prepared commands on one connection, interleaved",
                        PairDefinition.Speedup, ("FullScanSelect", () => sqlite.FullScanSelect()), ("PrimaryKeySelect", () => sqlite.PrimaryKeySelect())) with { Rounds = 192, TimedSlices = true });
                }
                finally
                {
                    sqlite.Cleanup();
                }
            });
        }

        if (Selected(CachedSearchSpeedup))
        {
            Guarded(CachedSearchSpeedup, () =>
            {
                var search = new SearchBenchmarks();
                try
                {
                    search.Setup();
                    OnThreadPool(() => Measure(PairDefinition.Pair(CachedSearchSpeedup,
                        "Repeated knowledge searches (16 queries, k = 10, 2,000 entries): CachedSearchService against embedding + IVF every time, called from a thread-pool thread, interleaved",
                        PairDefinition.Speedup, ("Uncached", () => Wait(search.Uncached())), ("Cached", () => Wait(search.Cached())))));
                }
                finally
                {
                    search.Cleanup();
                }
            });
        }

        if (Selected(ExactSearchFloorOverhead))
        {
            Guarded(ExactSearchFloorOverhead, () =>
            {
                var search = new ExactSearchFloor();
                search.Setup();
                Measure(PairDefinition.Pair(ExactSearchFloorOverhead,
                    "Exact search (top 10 of 100,000 vectors of 384 dimensions) against its floor, a SIMD dot product per row over the same rows, interleaved",
                    PairDefinition.Ratio, ("PlainDotLoop", search.PlainDotLoopOnce), ("ExactSearch", search.ExactSearchOnce)));
            });
        }

        return written;
    }

    // As BenchmarkDotNet's in-process toolchain waits for a Task-returning benchmark.
#pragma warning disable VSTHRD002
    private static void OnThreadPool(Action measure) => Task.Run(measure).GetAwaiter().GetResult();

    private static long Wait(Task<long> task) => task.GetAwaiter().GetResult();

    private static long Wait(Task<int> task) => task.GetAwaiter().GetResult();

    private static long WaitFlag(Task<bool> task) => task.GetAwaiter().GetResult() ? 1 : 0;

    private static long Wait(Task task)
    {
        task.GetAwaiter().GetResult();
        return 0;
    }
#pragma warning restore VSTHRD002
}
