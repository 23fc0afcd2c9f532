using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Runs;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// A source written while it is migrated is detected and the user told what to do; a stop request
/// (what Ctrl-C and SIGTERM become) ends the run at a batch boundary with a typed error saying
/// where, and the next run resumes from there to a clean, verified V2.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class SourceChangeAndStopTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 6, Projects: 12, MessagesPerProject: 2, Seed: 31, BadShare: 0);

    [Fact]
    public async Task MigrateAsync_SourceWrittenDuringCopy_SourceChangedThenRerunRefusedUntilTargetDeleted()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var written = false;
        var options = new V1ToV2Options
        {
            BatchSize = 2,
            BatchCommitted = new SyncProgress<CopyBatchCommitted>(_ =>
            {
                if (!written)
                {
                    written = true;
                    WriteToSource(v1);
                }
            }),
        };

        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, options, null, CancellationToken.None));

        Assert.True(written, "the test did not write the source");
        Assert.Equal(MigrationErrorCode.SourceChanged, error.Code);
        Assert.Contains("another program wrote to the source", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete it", error.Message, StringComparison.Ordinal);
        var rerun = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
        Assert.Equal(MigrationErrorCode.SourceChanged, rerun.Code);
        Assert.Contains("Delete it (with its -wal and -shm files) and run again", rerun.Message, StringComparison.Ordinal);

        foreach (var file in new[] { v2, v2 + "-wal", v2 + "-shm" })
        {
            File.Delete(file);
        }

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        Assert.True(summary.Verification?.Clean);
    }

    [Fact]
    public async Task MigrateAsync_StopRequestedMidCopy_CancelledAtBatchBoundaryThenResumesClean()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using var stop = new CancellationTokenSource();
        var options = new V1ToV2Options
        {
            BatchSize = 2,
            BatchCommitted = new SyncProgress<CopyBatchCommitted>(batch =>
            {
                if (batch.Job.EndsWith(".projects", StringComparison.Ordinal) && batch.Batch == 2)
                {
                    stop.Cancel();
                }
            }),
        };

        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, options, null, stop.Token));

        Assert.Equal(MigrationErrorCode.Cancelled, error.Code);
        Assert.Equal(V1ToV2Stage.Copy, error.Stage);
        Assert.Contains("in table 'projects' after 4 row(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run the same command again to resume", error.Message, StringComparison.Ordinal);
        Assert.Equal("failed", await LastRunStatusAsync(v2));

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options { BatchSize = 2 }, null, CancellationToken.None);

        Assert.True(summary.Tables.Single(t => t.Table == "projects").Resumed);
        Assert.True(summary.Verification?.Clean, summary.Verification?.Report.Describe());
        Assert.Equal(0, summary.RejectedRows);
    }

    [Fact]
    public async Task MigrateAsync_StopRequestedBeforeStart_CancelledAndNothingWritten()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, stop.Token));

        Assert.True(error is OperationCanceledException or V1ToV2MigrationException { Code: MigrationErrorCode.Cancelled }, error.ToString());
        Assert.False(File.Exists(v2));
    }

    private static void WriteToSource(string v1)
    {
        using var connection = new SqliteConnection($"Data Source={v1};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // A real change (SQLite does not count an UPDATE that rewrites the same bytes as one).
        command.CommandText = "INSERT INTO users (username, passcode_hash, data, created_at) SELECT 'late-' || username, passcode_hash, data, created_at FROM users LIMIT 1";
        command.ExecuteNonQuery();
    }

    private static async Task<string?> LastRunStatusAsync(string v2)
    {
        await using var connection = new SqliteConnection($"Data Source={v2};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM migration_runs ORDER BY started_at DESC, rowid DESC LIMIT 1";
        return (string?)await command.ExecuteScalarAsync();
    }
}
