using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.Validation;
using Socrates.CrashHost;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>
/// Faults while copying: disk full, a read-only target, a locked target, a corrupt source. Each
/// ends in a typed error, leaves the target at its last consistent batch and the source as it was.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class CopyFaultTests
{
    private const int Rows = 3_000;
    private const int BatchSize = 100;

    [Fact]
    public async Task CopyAsync_DiskFullMidway_TypedErrorLastBatchKeptResumableAfterLimitLifted()
    {
        using var databases = new WorkloadDatabases(Rows);
        await using var source = await databases.OpenSourceAsync();
        string runId;
        StorageFullException full;
        await using (var target = await databases.OpenTargetAsync(wal: false))
        {
            runId = await WorkloadDatabases.PrepareTargetAsync(target);
            var pages = await ScalarAsync(target, "PRAGMA page_count");
            await ScalarAsync(target, $"PRAGMA max_page_count = {(pages + 25).ToString(CultureInfo.InvariantCulture)}");

            full = await Assert.ThrowsAsync<StorageFullException>(
                () => WorkloadDatabases.Copier(source, target, BatchSize).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None));

            Assert.Equal(MigrationErrorCode.StorageFull, full.Code);
            Assert.True(full.Batch > 1, $"the limit should allow some batches first; failed in batch {full.Batch}");
            var mark = await CopyProgressStore.ReadAsync(target, CrashWorkload.JobName, CancellationToken.None);
            Assert.Equal(full.LastCommittedKey, mark!.LastKey);
            Assert.Equal(0, mark.RowsRead % BatchSize); // whole batches only: the failing one left nothing
            await AssertCommittedUpToMarkAsync(target, mark);
            Assert.Empty(await target.IntegrityProblemsAsync(10, CancellationToken.None));
        }

        Assert.Equal(databases.SourceChecksum, FileChecksum.Of(databases.SourcePath));

        // A new connection has no page limit: the same job resumes and completes.
        await using (var target = await databases.OpenTargetAsync(wal: false))
        {
            var resumed = await WorkloadDatabases.Copier(source, target, BatchSize).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);
            Assert.True(resumed.Resumed);
            var report = await CrashWorkload.ValidateAsync(source, target, Rows, CancellationToken.None);
            Assert.True(report.Passed, report.Describe());
        }
    }

    [Fact]
    public async Task CopyAsync_ReadOnlyTarget_TypedErrorBeforeAnyWrite()
    {
        using var databases = new WorkloadDatabases(500);
        await using (var setup = await databases.OpenTargetAsync(wal: false))
        {
            await WorkloadDatabases.PrepareTargetAsync(setup);
        }

        var before = FileChecksum.Of(databases.TargetPath);
        await using var source = await databases.OpenSourceAsync();
        await using (var target = await MigrationConnections.OpenTargetAsync(databases.TargetPath, TimeSpan.FromSeconds(1), CancellationToken.None, readOnly: true))
        {
            var error = await Assert.ThrowsAsync<TargetReadOnlyException>(
                () => WorkloadDatabases.Copier(source, target, BatchSize).CopyAsync(CrashWorkload.Job, "run-ro", CancellationToken.None));
            Assert.Equal(MigrationErrorCode.TargetReadOnly, error.Code);
            Assert.Contains(databases.TargetPath, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, FileChecksum.Of(databases.TargetPath));
    }

    [Fact]
    public async Task CopyAsync_TargetLockedByAnotherWriter_BoundedWaitThenTypedErrorThenResumes()
    {
        using var databases = new WorkloadDatabases(1_000);
        await using var source = await databases.OpenSourceAsync();
        string runId;
        await using (var setup = await databases.OpenTargetAsync(wal: false))
        {
            runId = await WorkloadDatabases.PrepareTargetAsync(setup);
        }

        await using var holder = await databases.OpenTargetAsync(wal: false);
        await using var target = await databases.OpenTargetAsync(busyTimeout: TimeSpan.FromSeconds(1), wal: false);
        var watch = Stopwatch.StartNew();
        await using (var lockTransaction = holder.BeginTransaction(deferred: false))
        {
            await ScalarAsync(holder, "INSERT INTO migration_runs (run_id, started_at, status) VALUES ('holder', 'now', 'running') RETURNING 1", lockTransaction);

            var busy = await Assert.ThrowsAsync<DatabaseBusyException>(
                () => WorkloadDatabases.Copier(source, target, BatchSize).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None));

            watch.Stop();
            Assert.Equal(MigrationErrorCode.DatabaseBusy, busy.Code);
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
            await lockTransaction.RollbackAsync();
        }

        Assert.Null(await CopyProgressStore.ReadAsync(target, CrashWorkload.JobName, CancellationToken.None));
        var result = await WorkloadDatabases.Copier(source, target, BatchSize).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);
        Assert.True(result.Completed);
        var report = await CrashWorkload.ValidateAsync(source, target, 1_000, CancellationToken.None);
        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public async Task CopyAsync_CorruptSource_SourceCorruptExceptionAndNothingWritten()
    {
        using var databases = new WorkloadDatabases(Rows);
        var corrupt = Path.Combine(databases.Folder, "corrupt.db");
        File.Copy(databases.SourcePath, corrupt);
        CorruptMiddle(corrupt);
        var corruptChecksum = FileChecksum.Of(corrupt);

        await using var source = await MigrationConnections.OpenSourceAsync(corrupt, CancellationToken.None);
        await using var target = await databases.OpenTargetAsync(wal: false);
        var runId = await WorkloadDatabases.PrepareTargetAsync(target);

        var error = await Assert.ThrowsAsync<SourceCorruptException>(
            () => WorkloadDatabases.Copier(source, target, BatchSize).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.SourceCorrupt, error.Code);
        Assert.NotEmpty(error.Problems);
        Assert.Equal(0, await target.CountRowsAsync("copied_items", CancellationToken.None));
        Assert.Equal(0, await target.CountRowsAsync("migration_rejects", CancellationToken.None));
        Assert.Equal(0, await target.CountRowsAsync("migration_progress", CancellationToken.None));
        Assert.Equal(corruptChecksum, FileChecksum.Of(corrupt));
    }

    /// <summary>Overwrites 4 KiB in the middle of the file (b-tree pages of the data) with a pattern.</summary>
    internal static void CorruptMiddle(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var pageSize = 4096L;
        stream.Position = (stream.Length / 2 / pageSize * pageSize) + 8;
        var garbage = new byte[4096];
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = (byte)(0xA5 ^ i);
        }

        stream.Write(garbage);
    }

    private static async Task AssertCommittedUpToMarkAsync(SqliteConnection target, CopyProgressRecord mark)
    {
        var lastKey = (long)mark.LastKey!;
        var expected = CrashWorkload.ExpectedSource(Rows).Where(i => i.Id <= lastKey).ToList();
        var kept = await IdSetValidator.ReadIdsAsync(target, "copied_items", "id", CancellationToken.None);
        var rejects = await RejectLog.ReadAsync(target, CrashWorkload.SourceTable, int.MaxValue, CancellationToken.None);
        var keptCheck = IdSetValidator.Validate("kept", expected.Where(i => !CrashWorkload.IsRejected(i.Id)).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)), kept);
        var rejectCheck = IdSetValidator.Validate("rejects", expected.Where(i => CrashWorkload.IsRejected(i.Id)).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)), rejects.Select(r => r.EntityId));
        Assert.True(keptCheck.Passed, keptCheck.Details + " " + string.Join(", ", keptCheck.FirstOffenders));
        Assert.True(rejectCheck.Passed, rejectCheck.Details + " " + string.Join(", ", rejectCheck.FirstOffenders));
        Assert.Equal(expected.Count, mark.RowsRead);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
