using Socrates.Core.Failpoints;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Every migrator gate can fail: with its canary on, the metric it reads goes bad (and the
/// migrator itself refuses to mark the run complete).
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1ToV2CanaryTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 6, Projects: 30, MessagesPerProject: 8, Seed: 77, BadShare: 0.15);

    [Fact]
    public async Task MigrateAsync_SkipMessagesCanary_FieldsLostAboveZero()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using (Failpoint.Enable(V1ToV2Failpoints.SkipMessages))
        {
            var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
            Assert.Equal(V1ToV2Stage.Validate, error.Stage);
        }

        var report = await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None);
        Assert.False(report.Clean);
        Assert.True(report.FieldsLost > 0, $"fields lost {report.FieldsLost}");
        Assert.Contains(report.Report.Failures, f => f.FirstOffenders.Any(o => o.EndsWith(".conversation_history", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MigrateAsync_SwallowRowErrorsCanary_AccountingMismatch()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        var generated = await V1Databases.GenerateAsync(v1, s_small);
        Assert.NotEmpty(generated.Defects);
        using (Failpoint.Enable(V1ToV2Failpoints.SwallowRowErrors))
        {
            var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
            Assert.Equal(V1ToV2Stage.Accounting, error.Stage);
            Assert.False(error.Summary!.AccountingHolds);
        }

        var report = await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None);
        Assert.True(report.AccountingMismatches > 0);
        Assert.True(report.RowsLost > 0);
    }

    [Fact]
    public async Task MigrateAsync_ForgottenFieldCanary_StopsBeforeWritingWithTheKey()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using (Failpoint.Enable(V1ToV2Failpoints.ForgetConversationHistory))
        {
            var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
            Assert.Equal(V1ToV2Stage.ScanKeys, error.Stage);
            var unmapped = Assert.IsType<UnmappedKeysException>(error.InnerException);
            var key = Assert.Single(unmapped.Keys);
            Assert.Equal(("projects", "conversation_history"), (key.Entity, key.Key));
            Assert.True(key.Count > 0);
            Assert.NotEmpty(key.FirstIds);
        }

        Assert.False(File.Exists(v2), "the V2 file was created although the key scan failed");
    }

    [Fact]
    public async Task MigrateAsync_BackupSkipVerifyCanary_RefusesWithUnverifiedBackup()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using (Failpoint.Enable(MigrationFailpoints.BackupSkipVerify))
        {
            var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
            Assert.Equal(V1ToV2Stage.Backup, error.Stage);
            Assert.Equal(Socrates.Core.Migration.Errors.MigrationErrorCode.BackupVerificationFailed, error.Code);
        }

        Assert.False(File.Exists(v2));
    }

    [Fact]
    public async Task MigrateAsync_DuplicateOnRerunCanary_IdempotenceDiffsAboveZero()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        var afterOneRun = await V2RowDiff.SnapshotFileAsync(v2, directory.File("v2-after-one-run.db"));

        // The same measurement as the idempotence gate's, with the rerun forgetting what it already copied.
        string? secondFailure = null;
        using (Failpoint.Enable(V1ToV2Failpoints.DuplicateOnRerun))
        {
            try
            {
                await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
            }
            catch (V1ToV2MigrationException error)
            {
                secondFailure = error.Message;
            }
        }

        var differing = await V2RowDiff.CompareAsync(afterOneRun, v2);
        var metric = V1ToV2MigrationTests.IdempotenceDiffs(differing, secondFailure);
        Assert.True(metric > 0, $"idempotence diffs {metric}");
        // Every source row was copied again and refused as a duplicate of itself: the rerun fails and leaves rejects behind.
        Assert.NotNull(secondFailure);
        Assert.True(differing.GetValueOrDefault("migration_rejects") > 0, string.Join(", ", differing.Select(d => $"{d.Key}={d.Value}")));
    }

    [Fact]
    public async Task MigrateAsync_RerunWithoutCanary_IdempotenceDiffsZero()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        var afterOneRun = await V2RowDiff.SnapshotFileAsync(v2, directory.File("v2-after-one-run.db"));

        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        Assert.Empty(await V2RowDiff.CompareAsync(afterOneRun, v2));
    }
    [Fact]
    public async Task MigrateAsync_WholeTableBatchCanary_CommitsEachTableInOneBatchAndCopiesTheSameRows()
    {
        // The memory gate's canary: the copier holds a whole table in memory (one read-ahead batch per
        // table) instead of BatchSize rows, and still writes the same database. The memory it costs is
        // measured in V1ToV2ThroughputTests; here its shape, counted, not timed.
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var normal = await CopyCountingBatchesAsync(v1, directory.File("normal.db"), canary: false);
        var whole = await CopyCountingBatchesAsync(v1, directory.File("whole.db"), canary: true);

        // 30 projects in batches of 8: at least four batches for that table without the canary.
        Assert.True(normal.Values.Max(j => j.Batches) >= 4, string.Join(", ", normal.Select(j => $"{j.Key}: {j.Value.Batches} batches")));
        Assert.All(whole, job => Assert.True(job.Value.Batches <= 2, $"{job.Key}: {job.Value.Batches} batches under the canary"));
        Assert.Equal(normal.ToDictionary(j => j.Key, j => j.Value.RowsRead), whole.ToDictionary(j => j.Key, j => j.Value.RowsRead));
        // Only the schema's bookkeeping (when each step was applied) may differ between two migrations.
        var differing = await V2RowDiff.CompareAsync(directory.File("normal.db"), directory.File("whole.db"));
        Assert.All(differing.Keys, table => Assert.Contains(table, s_schemaBookkeeping));
    }

    private const int SmallBatch = 8;

    private static readonly string[] s_schemaBookkeeping = ["schema_history", "schema_version"];

    private static async Task<Dictionary<string, (int Batches, long RowsRead)>> CopyCountingBatchesAsync(string v1, string v2, bool canary)
    {
        var jobs = new Dictionary<string, (int Batches, long RowsRead)>(StringComparer.Ordinal);
        var options = new V1ToV2Options
        {
            BatchSize = SmallBatch,
            BatchCommitted = new SyncProgress<CopyBatchCommitted>(b => jobs[b.Job] = (Math.Max(jobs.GetValueOrDefault(b.Job).Batches, b.Batch), b.RowsRead)),
        };
        using (canary ? Failpoint.Enable(V1ToV2Failpoints.WholeTableBatch) : null)
        {
            await V1ToV2Migrator.MigrateAsync(v1, v2, options, null, CancellationToken.None);
        }

        return jobs;
    }
}
