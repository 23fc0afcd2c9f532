using Microsoft.Data.Sqlite;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.Runner;
using Socrates.Core.Migration.Runs;
using Socrates.CrashHost;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>Source and target of the generic copy workload, in a temp folder, for in-process tests.</summary>
internal sealed class WorkloadDatabases : IDisposable
{
    private readonly TempDirectory _directory = new();

    public WorkloadDatabases(int rows)
    {
        Rows = rows;
        SourcePath = _directory.File("source.db");
        TargetPath = _directory.File("target.db");
        CrashWorkload.CreateSource(SourcePath, rows);
        SourceChecksum = FileChecksum.Of(SourcePath);
    }

    public int Rows { get; }

    public string SourcePath { get; }

    public string TargetPath { get; }

    public string SourceChecksum { get; }

    public string Folder => _directory.Path;

    public Task<SqliteConnection> OpenSourceAsync() => MigrationConnections.OpenSourceAsync(SourcePath, CancellationToken.None);

    /// <summary>
    /// Opens the target in WAL mode with synchronous=NORMAL: in-process tests stop the copier by
    /// exceptions, not power loss, so fsync per commit would only slow them (the crash-host tests
    /// keep synchronous=FULL).
    /// </summary>
    public async Task<SqliteConnection> OpenTargetAsync(TimeSpan? busyTimeout = null, bool wal = true)
    {
        var connection = await MigrationConnections.OpenTargetAsync(TargetPath, busyTimeout ?? TimeSpan.FromSeconds(5), CancellationToken.None);
        if (!wal)
        {
            return connection;
        }

        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Applies the bookkeeping and workload schema to the target and starts a run.</summary>
    public static async Task<string> PrepareTargetAsync(SqliteConnection target)
    {
        await new MigrationRunner(CrashWorkload.AllSteps).MigrateAsync(target, CancellationToken.None);
        return await MigrationRuns.StartAsync(target, TimeProvider.System, null, null, CancellationToken.None);
    }

    public static BatchedTableCopier Copier(SqliteConnection source, SqliteConnection target, int batchSize, int crashAfter = 2) =>
        new(source, target, new RejectLog(), new TableCopyOptions { BatchSize = batchSize, CrashAfterBatches = crashAfter });

    public void Dispose() => _directory.Dispose();
}
