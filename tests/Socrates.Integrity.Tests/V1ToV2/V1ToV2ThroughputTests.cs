using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Rehearsal;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The migrator's speed against a bare bulk insert of the same rows (on the user's own database in
/// a rehearsal of the full profile: <see cref="RehearsalDatabase"/>), and the memory it retains as
/// the source grows. In <see cref="SerialMeasurements"/>: these run alone, after the parallel tests,
/// so no other test's work or allocations land in their figures; and in their own category
/// (<c>Measurement</c>), which the pipeline runs without coverage instrumentation.
/// </summary>
[Trait("Category", "Measurement")]
[Collection(SerialMeasurements.Name)]
public sealed class V1ToV2ThroughputTests(ITestOutputHelper output)
{
    private const string Suite = "measurement";

    /// <summary>The V2 data tables, parents before children.</summary>
    private static readonly string[] s_dataTables =
    [
        "users", "user_projects", "projects", "project_details", "project_requirements", "project_tech_stack", "project_constraints",
        "project_collaborators", "conversation_messages", "team_members", "phase_maturity_scores", "category_scores", "project_notes",
        "question_effectiveness", "behavior_patterns", "knowledge_documents", "knowledge_embeddings", "llm_provider_configs", "api_keys", "llm_usage",
    ];

    [Fact]
    public async Task MigrateAsync_AgainstBareBulkInsert_RecordsThroughput()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        // In a rehearsal the ratio is measured on the user's own database, but only in the profile
        // whose gate judges it (full): elsewhere the figure decides nothing, and up to twelve
        // migrations of a large production copy would only lengthen the run.
        using var rehearsal = TestProfile.Current == TestProfile.Full ? RehearsalDatabase.CopyConfiguredTo(v1) : null;
        var generated = rehearsal is null ? await V1Databases.GenerateAsync(v1) : null;
        var sourceRows = generated?.TotalRows ?? await V1Databases.CountRowsAsync(v1);

        // Warm-up on a small database, as any benchmark does: the first migration and the first bare
        // insert in a process spend much of their time compiling (JIT). A small one is enough, and
        // leaves no hundreds of megabytes of dirty pages for the kernel to write back during the runs
        // that are measured.
        var warmV1 = directory.File("warm-v1.db");
        await V1Databases.GenerateAsync(warmV1, new V1GenerationOptions(Users: 10, Projects: 50, MessagesPerProject: 20, Seed: 7));
        var warmWatch = Stopwatch.StartNew();
        await V1ToV2Migrator.MigrateAsync(warmV1, directory.File("warm-v2.db"), new V1ToV2Options { Validate = false }, null, CancellationToken.None);
        await BareBulkInsertAsync(directory.File("warm-v2.db"), directory.File("warm-bare.db"));
        warmWatch.Stop();

        // Rounds in ABBA order (migrator, bare, bare, migrator): a drift of the machine's speed
        // during the measurement weighs on both sides alike. Before each timed run the kernel writes
        // back what the previous one left dirty, so no run pays for another's writes. More pairs
        // only while the rounds disagree about the fail line (ThroughputRounds).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rounds = new ThroughputRounds();
        MeasuredRun? first = null;
        (long PeakGcHeapBytes, long PeakWorkingSetBytes) firstMemory = default;
        var migratorSeconds = new List<double>();
        var bareSeconds = new List<double>();
        for (var pair = 0; pair < ThroughputRounds.MaxPairs && (pair == 0 || !rounds.Decided); pair++)
        {
            var (a, memory) = await MeasuredMigrationAsync(v1, directory.File($"v2-{pair}a.db"));
            var bareA = await BareBulkInsertAsync(a.Summary.TargetPath, directory.File($"bare-{pair}a.db"));
            var bareB = await BareBulkInsertAsync(a.Summary.TargetPath, directory.File($"bare-{pair}b.db"));
            var (b, _) = await MeasuredMigrationAsync(v1, directory.File($"v2-{pair}b.db"));
            Assert.True(a.Summary.AccountingHolds && b.Summary.AccountingHolds);
            rounds.Add(bareA, a.Elapsed);
            rounds.Add(bareB, b.Elapsed);
            migratorSeconds.AddRange([a.Elapsed.TotalSeconds, b.Elapsed.TotalSeconds]);
            bareSeconds.AddRange([bareA.TotalSeconds, bareB.TotalSeconds]);
            if (first is null)
            {
                (first, firstMemory) = (a, memory);
            }

            // The full profile's databases and the migrator's source backups are hundreds of MB each.
            foreach (var path in new[] { a.Summary.TargetPath, directory.File($"bare-{pair}a.db"), directory.File($"bare-{pair}b.db"), b.Summary.TargetPath, a.Summary.BackupPath, b.Summary.BackupPath })
            {
                DeleteDatabase(path);
            }
        }

        var runs = migratorSeconds.Count;
        var migratorRate = runs * sourceRows / rounds.MigratorTime.TotalSeconds;
        var bareRate = runs * sourceRows / rounds.BareTime.TotalSeconds;
        var ratio = rounds.Ratio;
        var summary = first!.Summary;
        using var process = Process.GetCurrentProcess();
        var evidence = MetricsWriter.WriteEvidence(Suite, "migration-v1v2-throughput.json", new
        {
            profile = TestProfile.Current.Name,
            rehearsal = rehearsal is null ? null : new { path = rehearsal.Source, bytes = rehearsal.Bytes, sha256 = rehearsal.Sha256 },
            source_rows = sourceRows,
            migrator_seconds = migratorSeconds,
            migrator_rows_per_second = migratorRate,
            bare_seconds = bareSeconds,
            bare_rows_per_second = bareRate,
            ratio,
            round_ratios = rounds.Ratios,
            decided = rounds.Decided,
            fail_ratio = ThroughputRounds.FailRatio,
            warm_up_seconds = warmWatch.Elapsed.TotalSeconds,
            gc_heap_before_bytes = heapBefore,
            peak_gc_heap_bytes = firstMemory.PeakGcHeapBytes,
            peak_working_set_bytes = firstMemory.PeakWorkingSetBytes,
            process_peak_working_set_bytes = process.PeakWorkingSet64,
            phases = summary.Phases.Select(p => new { phase = p.Phase, seconds = p.Elapsed.TotalSeconds }),
            note = "ratio = bare time / migrator time over rounds in ABBA pairs (migrator, bare, bare, migrator), more pairs (at most three) while the round ratios fall on both sides of the fail line, inconclusive if they still do; after a warm-up of both on a small database; pending writes are flushed (sync) before each timed run. Migrator time includes the verified backup, the key scan, schema creation and the accounting; validation is off here (measured in the end-to-end test). Memory peaks are sampled every 20 ms during the first migrator run; the GC heap includes the test's own objects (gc_heap_before_bytes).",
        });
        MetricsWriter.Write(Suite, "migration.rows_per_second", migratorRate, "rows/s", evidence);
        if (rounds.Decided)
        {
            MetricsWriter.Write(Suite, "migration.throughput_ratio", ratio, "ratio", evidence);
        }
        else
        {
            MetricsWriter.WriteInconclusive(Suite, "migration.throughput_ratio", ratio, "ratio", rounds.Reason, evidence);
        }

        foreach (var phase in summary.Phases)
        {
            output.WriteLine($"  phase {phase.Phase,-32} {phase.Elapsed.TotalMilliseconds,9:F1} ms");
        }

        MetricsWriter.Write(Suite, "migration.peak_gc_heap_bytes", firstMemory.PeakGcHeapBytes, "bytes", evidence);
        output.WriteLine($"warm-up {warmWatch.Elapsed.TotalSeconds:F2}s; peak GC heap {firstMemory.PeakGcHeapBytes / 1048576.0:F1} MiB (before {heapBefore / 1048576.0:F1}), peak working set {firstMemory.PeakWorkingSetBytes / 1048576.0:F1} MiB");
        output.WriteLine($"migrator {string.Join(" + ", migratorSeconds.Select(t => $"{t:F2}s"))} ({migratorRate:F0} rows/s), bare {string.Join(" + ", bareSeconds.Select(t => $"{t:F2}s"))} ({bareRate:F0} rows/s), ratio {ratio:F3}{(rounds.Decided ? "" : $" (inconclusive: {rounds.Reason})")}");
        var source = rehearsal?.Finish();
        Assert.True(migratorRate > 0 && bareRate > 0);
        Assert.True(source?.SourceUnchanged ?? true, $"the user's database changed: sha256 {source?.Sha256Before} before, {source?.Sha256After} after");
    }

    /// <summary>One timed migration without validation, after flushing pending writes; memory peaks sampled meanwhile.</summary>
    private static async Task<(MeasuredRun Run, (long PeakGcHeapBytes, long PeakWorkingSetBytes) Memory)> MeasuredMigrationAsync(string v1, string v2)
    {
        await PendingWrites.FlushAsync();
        var memory = PeakMemorySampler.Start(TimeSpan.FromMilliseconds(20));
        var watch = Stopwatch.StartNew();
        V1ToV2Summary summary;
        try
        {
            summary = await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options { Validate = false }, null, CancellationToken.None);
        }
        finally
        {
            watch.Stop();
            await memory.DisposeAsync();
        }

        return (new MeasuredRun(summary, watch.Elapsed), (memory.PeakGcHeapBytes, memory.PeakWorkingSetBytes));
    }

    private sealed record MeasuredRun(V1ToV2Summary Summary, TimeSpan Elapsed);

    private static void DeleteDatabase(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".manifest.json" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MigrateAsync_SourceFourTimesLarger_RetainsNoMoreMemory()
    {
        // Memory retained by the migration at each batch boundary (a full collection first, so only
        // what the migrator still references counts), on a source and on one four times larger. A
        // migrator that streams holds about the same; one that holds a table (or the whole source)
        // grows with it. Measured: 9-10 MiB at 100 or 200 projects, 14.2-14.8 MiB at
        // 400, 800 and 1,600 (the prepared statements and pools fill up over the first batches),
        // so the smaller source has 400 projects.
        // The first migration in a process also fills what stays for the process's lifetime (pooled
        // buffers, caches of the data provider): it read 9-13 MiB where later ones read 14-15, so an
        // unmeasured run goes first.
        using var directory = new TempDirectory();
        var rounds = await MemoryGrowthAsync(directory);
        var (small, large) = (rounds.SmallPeak, rounds.LargePeak);
        var evidence = MetricsWriter.WriteEvidence(Suite, "migration-v1v2-memory.json", new
        {
            small_projects = SmallProjects,
            large_projects = 4 * SmallProjects,
            messages_per_project = MessagesPerProject,
            small_peak_retained_bytes = small.PeakRetainedBytes,
            large_peak_retained_bytes = large.PeakRetainedBytes,
            small_batches = small.Batches,
            large_batches = large.Batches,
            rounds = rounds.Rounds,
            small_rounds_mib = MemoryGrowthRounds.Describe(rounds.Small),
            large_rounds_mib = MemoryGrowthRounds.Describe(rounds.Large),
            growth = rounds.Growth,
            note = $"peak of GC.GetTotalMemory(forceFullCollection: true) after each committed batch, minus the lower of the same reading before and after the run; each source's highest reading over the rounds (small then large, {MemoryGrowthRounds.MinRounds} rounds, up to {MemoryGrowthRounds.MaxRounds} while the growth lies above {MemoryGrowthRounds.FailGrowth}: a reading falls short of the true peak by whole batches when the read-ahead batch is not yet decoded at a boundary); the large source has four times the rows of the small one.",
        });
        MetricsWriter.Write(Suite, "migration.memory_growth", rounds.Growth, "x", evidence);
        output.WriteLine($"retained at batch boundaries over {rounds.Rounds} rounds: small {MemoryGrowthRounds.Describe(rounds.Small)} MiB ({small.Batches} batches), large {MemoryGrowthRounds.Describe(rounds.Large)} MiB ({large.Batches} batches), growth {rounds.Growth:F2}x");
        Assert.True(small.PeakRetainedBytes > 0 && large.Batches > small.Batches);
    }

    [Fact]
    public async Task MigrateAsync_WholeTableBatchCanary_RetainedMemoryGrowsWithTheSource()
    {
        // The canary of gate migration-memory-bounded: a copier that holds a whole table retains in
        // proportion to the source. Measured: 3.98 and 3.99.
        using var directory = new TempDirectory();
        using (Failpoint.Enable(V1ToV2Failpoints.WholeTableBatch))
        {
            var rounds = await MemoryGrowthAsync(directory);
            output.WriteLine($"canary {V1ToV2Failpoints.WholeTableBatch} over {rounds.Rounds} rounds: small {MemoryGrowthRounds.Describe(rounds.Small)} MiB, large {MemoryGrowthRounds.Describe(rounds.Large)} MiB, growth {rounds.Growth:F2}x");
            Assert.True(rounds.Growth > MemoryGrowthRounds.FailGrowth, $"growth {rounds.Growth:F2}x under the canary: the gate's fail line {MemoryGrowthRounds.FailGrowth} would not be crossed");
        }
    }

    private static async Task<MemoryGrowthRounds> MemoryGrowthAsync(TempDirectory directory)
    {
        // Each source is generated once (the same seed gives the same rows) and migrated into a new
        // target every round; the first, unmeasured run fills the process's pools.
        var smallV1 = await GeneratedSourceAsync(directory, "small", SmallProjects);
        var largeV1 = await GeneratedSourceAsync(directory, "large", 4 * SmallProjects);
        await RetainedAsync(smallV1, directory.File("warm-up-v2.db"));
        var rounds = new MemoryGrowthRounds();
        for (var round = 0; rounds.NeedsAnotherRound; round++)
        {
            var small = await RetainedAsync(smallV1, directory.File($"small-{round}-v2.db"));
            var large = await RetainedAsync(largeV1, directory.File($"large-{round}-v2.db"));
            rounds.Add(small, large);
        }

        return rounds;
    }

    private const int SmallProjects = 400;
    private const int MessagesPerProject = 40;

    private static async Task<string> GeneratedSourceAsync(TempDirectory directory, string name, int projects)
    {
        var v1 = directory.File(name + "-v1.db");
        await V1Databases.GenerateAsync(v1, new V1GenerationOptions(Users: projects / 5, Projects: projects, MessagesPerProject: MessagesPerProject, Seed: 11));
        return v1;
    }

    private static async Task<RetainedReading> RetainedAsync(string v1, string v2)
    {
        var probe = new RetainedMemoryProbe();
        await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options { Validate = false, BatchCommitted = probe }, null, CancellationToken.None);
        return new RetainedReading(probe.PeakRetainedAfter(), probe.Batches);
    }

    /// <summary>
    /// Reads the live heap after a full collection at every committed batch, synchronously on the
    /// copier's thread. What the run retained is the peak above the lower of the readings before
    /// and after it: a reading before the run alone was once 9 MiB high (what the previous run
    /// left was freed during this one), and the gate read 2.95 on a clean tree.
    /// </summary>
    private sealed class RetainedMemoryProbe : IProgress<CopyBatchCommitted>
    {
        private readonly long _before = GC.GetTotalMemory(forceFullCollection: true);
        private long _peak;

        public int Batches { get; private set; }

        public void Report(CopyBatchCommitted value)
        {
            Batches++;
            _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: true));
        }

        /// <summary>The peak above the resting heap; read once the run has finished.</summary>
        public long PeakRetainedAfter() => _peak - Math.Min(_before, GC.GetTotalMemory(forceFullCollection: true));
    }

    private static async Task<TimeSpan> BareBulkInsertAsync(string v2, string bare)
    {
        await using (var schema = await Socrates.Core.V2.AsyncProjectDatabase.OpenAsync(new Socrates.Core.V2.AsyncDatabaseOptions { DatabasePath = bare, PoolSize = 2 }))
        {
        }

        SqliteConnection.ClearAllPools();
        await PendingWrites.FlushAsync();
        await using var source = new SqliteConnection($"Data Source={v2};Mode=ReadOnly;Pooling=False");
        await using var target = new SqliteConnection($"Data Source={bare};Pooling=False");
        await source.OpenAsync();
        await target.OpenAsync();
        var watch = Stopwatch.StartNew();
        foreach (var table in s_dataTables)
        {
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await read.ExecuteReaderAsync();
            await using var transaction = (SqliteTransaction)await target.BeginTransactionAsync();
            await using var insert = target.CreateCommand();
            insert.Transaction = transaction;
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToList();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < parameters.Count; i++)
                {
                    parameters[i].Value = reader.GetValue(i);
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return watch.Elapsed;
    }
}
