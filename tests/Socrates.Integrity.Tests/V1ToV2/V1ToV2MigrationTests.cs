using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Core.V1;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Rehearsal;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The real migrator on a generated V1 database of the profile's size with ~2% bad rows (or, when
/// rehearsing, on a copy of the user's own: <see cref="RehearsalDatabase"/>): nothing
/// lost, every key mapped, the books balance, every injected defect (and nothing else) rejected,
/// a second run changes nothing (its speed and memory: <see cref="V1ToV2ThroughputTests"/>).
/// Metrics are written before the assertions, also when they are bad (canary runs).
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1ToV2MigrationTests(ITestOutputHelper output)
{
    private const string Suite = "integrity";

    [Fact]
    public async Task MigrateAsync_GeneratedV1Database_LosesNothingAndIsIdempotent()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        // The user's own database when rehearsing (SOCRATES_V1_DATABASE), else a generated one.
        using var rehearsal = RehearsalDatabase.CopyConfiguredTo(v1);
        var generated = rehearsal is null ? await V1Databases.GenerateAsync(v1) : null;
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
        // Generated data knows which rows are bad; real data does not: every reject is accounted with its reason.
        var unexpected = !File.Exists(v2) ? -1 : generated is null ? 0 : await UnexpectedRejectsAsync(v2, generated);
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
            rehearsal = rehearsal is null ? null : new { path = rehearsal.Source, bytes = rehearsal.Bytes, sha256 = rehearsal.Sha256 },
            generated = generated?.RowsPerTable,
            injected_defects = generated?.Defects.Count,
            failure,
            second_failure = secondFailure,
            summary = summary is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(summary.ToJson()).RootElement,
            verification = report is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(report.ToJson()).RootElement,
            unexpected_rejects = unexpected,
            // On the user's data the rejects are the finding: the first ones, each with its reason.
            first_rejects = rehearsal is null || !File.Exists(v2) ? null : await V1Databases.RejectsAsync(v2, 50),
            idempotence_diffs = idempotenceDiffs,
            idempotence_differing_rows = differing,
        });
        var total = generated?.TotalRows ?? await V1Databases.CountRowsAsync(v1);
        MetricsWriter.Write(Suite, "migration.rows_lost", report?.RowsLost ?? total, "rows", evidence);
        MetricsWriter.Write(Suite, "migration.fields_lost", report?.FieldsLost ?? total, "fields", evidence);
        MetricsWriter.Write(Suite, "migration.unmapped_keys", report?.UnmappedKeys ?? 1, "keys", evidence);
        MetricsWriter.Write(Suite, "migration.accounting_mismatches", report?.AccountingMismatches ?? V1Schema.TableNames.Count, "tables", evidence);
        if (generated is not null)
        {
            MetricsWriter.Write(Suite, "migration.unexpected_rejects", unexpected < 0 ? total : unexpected, "rows", evidence);
        }

        MetricsWriter.Write(Suite, "migration.v1v2.idempotence_diffs", idempotenceDiffs, "rows", evidence);
        MetricsWriter.Write(Suite, "migration.backup_verified", summary?.BackupVerified == true ? 1 : 0, "bool", evidence);
        var source = rehearsal?.Finish();
        output.WriteLine($"{total} V1 rows{(generated is null ? $" of {rehearsal!.Source}" : $", {generated.Defects.Count} injected defects")}; failure: {failure ?? "none"}; {report?.ToJson()}");

        Assert.Null(failure);
        Assert.NotNull(report);
        Assert.True(report.Clean, report.Report.Describe());
        Assert.Equal(0, report.RowsLost);
        Assert.Equal(0, report.FieldsLost);
        Assert.True(generated is null || report.MessagesCompared > 0, "no conversation message was compared");
        Assert.Equal(0, unexpected);
        Assert.Null(secondFailure);
        Assert.Empty(differing);
        Assert.Equal(0L, idempotenceDiffs);
        Assert.True(summary!.BackupVerified);
        Assert.Equal(sourceDigest, V1Databases.FileDigest(v1));
        Assert.True(source?.SourceUnchanged ?? true, $"the user's database changed: sha256 {source?.Sha256Before} before, {source?.Sha256After} after");
    }

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
}
