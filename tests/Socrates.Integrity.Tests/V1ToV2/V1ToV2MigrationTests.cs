using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Core.V1;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The real migrator on a generated V1 database of the profile's size with ~2% bad rows: nothing
/// lost, every key mapped, the books balance, every injected defect (and nothing else) rejected,
/// a second run changes nothing, and its speed against a bare bulk insert of the same rows.
/// Metrics are written before the assertions, also when they are bad (canary runs).
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1ToV2MigrationTests(ITestOutputHelper output)
{
    private const string Suite = "integrity";

    /// <summary>The V2 data tables, parents before children.</summary>
    private static readonly string[] s_dataTables =
    [
        "users", "user_projects", "projects", "project_details", "project_requirements", "project_tech_stack", "project_constraints",
        "project_collaborators", "conversation_messages", "team_members", "phase_maturity_scores", "category_scores", "project_notes",
        "question_effectiveness", "behavior_patterns", "knowledge_documents", "knowledge_embeddings", "llm_provider_configs", "api_keys", "llm_usage",
    ];

    [Fact]
    public async Task MigrateAsync_GeneratedV1Database_LosesNothingAndIsIdempotent()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        var generated = await V1Databases.GenerateAsync(v1);
        var sourceDigest = V1Databases.FileDigest(v1);

        var watch = Stopwatch.StartNew();
        V1ToV2Summary? summary = null;
        string? failure = null;
        try
        {
            summary = await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);
        }
        catch (V1ToV2MigrationException error)
        {
            failure = error.Message;
            summary = error.Summary;
        }

        watch.Stop();
        var report = File.Exists(v2) ? await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None) : null;
        var unexpected = File.Exists(v2) ? await UnexpectedRejectsAsync(v2, generated) : -1;
        var afterOneRun = File.Exists(v2) ? await V2RowDiff.SnapshotFileAsync(v2, directory.File("v2-after-one-run.db")) : null;
        string? secondFailure = null;
        try
        {
            await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);
        }
        catch (V1ToV2MigrationException error)
        {
            secondFailure = error.Message;
        }

        var differing = afterOneRun is null ? [] : await V2RowDiff.CompareAsync(afterOneRun, v2);
        var idempotenceDiffs = IdempotenceDiffs(differing, secondFailure);

        var evidence = MetricsWriter.WriteEvidence(Suite, "migration-v1v2-run.json", new
        {
            profile = TestProfile.Current.Name,
            generated = generated.RowsPerTable,
            injected_defects = generated.Defects.Count,
            failure,
            second_failure = secondFailure,
            summary = summary is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(summary.ToJson()).RootElement,
            verification = report is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(report.ToJson()).RootElement,
            unexpected_rejects = unexpected,
            idempotence_diffs = idempotenceDiffs,
            idempotence_differing_rows = differing,
        });
        var total = generated.TotalRows;
        MetricsWriter.Write(Suite, "migration.rows_lost", report?.RowsLost ?? total, "rows", evidence);
        MetricsWriter.Write(Suite, "migration.fields_lost", report?.FieldsLost ?? total, "fields", evidence);
        MetricsWriter.Write(Suite, "migration.unmapped_keys", report?.UnmappedKeys ?? 1, "keys", evidence);
        MetricsWriter.Write(Suite, "migration.accounting_mismatches", report?.AccountingMismatches ?? V1Schema.TableNames.Count, "tables", evidence);
        MetricsWriter.Write(Suite, "migration.unexpected_rejects", unexpected < 0 ? total : unexpected, "rows", evidence);
        MetricsWriter.Write(Suite, "migration.v1v2.idempotence_diffs", idempotenceDiffs, "rows", evidence);
        MetricsWriter.Write(Suite, "migration.backup_verified", summary?.BackupVerified == true ? 1 : 0, "bool", evidence);
        output.WriteLine($"{total} V1 rows, {generated.Defects.Count} injected defects; failure: {failure ?? "none"}; {report?.ToJson()}");

        Assert.Null(failure);
        Assert.NotNull(report);
        Assert.True(report.Clean, report.Report.Describe());
        Assert.Equal(0, report.RowsLost);
        Assert.Equal(0, report.FieldsLost);
        Assert.True(report.MessagesCompared > 0, "no conversation message was compared");
        Assert.Equal(0, unexpected);
        Assert.Null(secondFailure);
        Assert.Empty(differing);
        Assert.Equal(0L, idempotenceDiffs);
        Assert.True(summary!.BackupVerified);
        Assert.Equal(sourceDigest, V1Databases.FileDigest(v1));
    }

    [Fact]
    public async Task MigrateAsync_AgainstBareBulkInsert_RecordsThroughput()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var generated = await V1Databases.GenerateAsync(v1);

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

        // Two rounds in ABBA order (migrator, bare, bare, migrator): a drift of the machine's speed
        // during the measurement weighs on both sides alike. Before each timed run the kernel writes
        // back what the previous one left dirty, so no run pays for another's writes.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (first, firstMemory) = await MeasuredMigrationAsync(v1, directory.File("v2.db"));
        var bareFirst = await BareBulkInsertAsync(first.Summary.TargetPath, directory.File("bare-1.db"));
        var bareSecond = await BareBulkInsertAsync(first.Summary.TargetPath, directory.File("bare-2.db"));
        var (second, _) = await MeasuredMigrationAsync(v1, directory.File("v2-second.db"));

        var migratorTime = first.Elapsed + second.Elapsed;
        var bareTime = bareFirst + bareSecond;
        var migratorRate = 2 * generated.TotalRows / migratorTime.TotalSeconds;
        var bareRate = 2 * generated.TotalRows / bareTime.TotalSeconds;
        var ratio = migratorRate / bareRate;
        var summary = first.Summary;
        using var process = Process.GetCurrentProcess();
        var evidence = MetricsWriter.WriteEvidence(Suite, "migration-v1v2-throughput.json", new
        {
            profile = TestProfile.Current.Name,
            source_rows = generated.TotalRows,
            migrator_seconds = new[] { first.Elapsed.TotalSeconds, second.Elapsed.TotalSeconds },
            migrator_rows_per_second = migratorRate,
            bare_seconds = new[] { bareFirst.TotalSeconds, bareSecond.TotalSeconds },
            bare_rows_per_second = bareRate,
            ratio,
            round_ratios = new[] { bareFirst / first.Elapsed, bareSecond / second.Elapsed },
            warm_up_seconds = warmWatch.Elapsed.TotalSeconds,
            gc_heap_before_bytes = heapBefore,
            peak_gc_heap_bytes = firstMemory.PeakGcHeapBytes,
            peak_working_set_bytes = firstMemory.PeakWorkingSetBytes,
            process_peak_working_set_bytes = process.PeakWorkingSet64,
            phases = summary.Phases.Select(p => new { phase = p.Phase, seconds = p.Elapsed.TotalSeconds }),
            note = "ratio = bare time / migrator time over two rounds in ABBA order (migrator, bare, bare, migrator), after a warm-up of both on a small database; pending writes are flushed (sync) before each timed run. Migrator time includes the verified backup, the key scan, schema creation and the accounting; validation is off here (measured in the end-to-end test). Memory peaks are sampled every 20 ms during the first migrator run; the GC heap includes the test's own objects (gc_heap_before_bytes).",
        });
        MetricsWriter.Write(Suite, "migration.rows_per_second", migratorRate, "rows/s", evidence);
        MetricsWriter.Write(Suite, "migration.throughput_ratio", ratio, "ratio", evidence);
        foreach (var phase in summary.Phases)
        {
            output.WriteLine($"  phase {phase.Phase,-32} {phase.Elapsed.TotalMilliseconds,9:F1} ms");
        }

        MetricsWriter.Write(Suite, "migration.peak_gc_heap_bytes", firstMemory.PeakGcHeapBytes, "bytes", evidence);
        output.WriteLine($"warm-up {warmWatch.Elapsed.TotalSeconds:F2}s; peak GC heap {firstMemory.PeakGcHeapBytes / 1048576.0:F1} MiB (before {heapBefore / 1048576.0:F1}), peak working set {firstMemory.PeakWorkingSetBytes / 1048576.0:F1} MiB");
        output.WriteLine($"migrator {first.Elapsed.TotalSeconds:F2}s + {second.Elapsed.TotalSeconds:F2}s ({migratorRate:F0} rows/s), bare {bareFirst.TotalSeconds:F2}s + {bareSecond.TotalSeconds:F2}s ({bareRate:F0} rows/s), ratio {ratio:F3}");
        Assert.True(first.Summary.AccountingHolds && second.Summary.AccountingHolds);
        Assert.True(migratorRate > 0 && bareRate > 0);
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

    /// <summary>
    /// The idempotence metric: rows that differ between the V2 after one run and after two (see
    /// <see cref="V2RowDiff"/>), plus one when the second run failed (a rerun that cannot complete is
    /// not idempotent either, even if it changed nothing).
    /// </summary>
    internal static long IdempotenceDiffs(IReadOnlyDictionary<string, long> differingRows, string? secondRunFailure) =>
        differingRows.Values.Sum() + (secondRunFailure is null ? 0 : 1);

    /// <summary>Rejects that are neither an injected defect nor a child of a rejected project (foreign key).</summary>
    internal static async Task<long> UnexpectedRejectsAsync(string v2, V1GenerationResult generated)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v2, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var rejects = await RejectLog.ReadAsync(connection, null, int.MaxValue, CancellationToken.None);
        var injected = generated.Defects.Select(d => (d.Table, d.Id)).ToHashSet();
        var missing = injected.Count(d => !rejects.Any(r => r.SourceTable == d.Table && r.EntityId == d.Id));
        var unexpected = rejects.Count(r => !injected.Contains((r.SourceTable, r.EntityId))
            && !(r.Reason.Contains("FOREIGN KEY", StringComparison.Ordinal) && r.SourceTable is V1Schema.ProjectNotes or V1Schema.KnowledgeDocuments));
        return unexpected + missing;
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
