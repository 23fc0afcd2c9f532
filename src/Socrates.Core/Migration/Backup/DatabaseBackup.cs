using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Migration.Backup;

/// <summary>
/// Backs a database up before it is migrated, with SQLite's online backup API, and proves the
/// backup restorable: the source must pass integrity_check first; counts and content checksums
/// of every table are taken inside one read transaction on the source, and the backup is copied
/// inside that same transaction, so both describe one snapshot; then the backup file is opened
/// read-only, integrity-checked and counted and checksummed again.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Backs up <paramref name="sourcePath"/> to a new timestamped file and verifies it.</summary>
    /// <exception cref="SourceCorruptException">The source fails integrity_check; no backup is taken.</exception>
    public static async Task<BackupResult> CreateAsync(string sourcePath, BackupOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        options ??= new BackupOptions();
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var fullSource = Path.GetFullPath(sourcePath);
        if (!File.Exists(fullSource))
        {
            throw new FileNotFoundException($"Cannot back up '{fullSource}': no such file.", fullSource);
        }

        await using var source = await MigrationConnections.OpenSourceAsync(fullSource, cancellationToken).ConfigureAwait(false);
        await SourceIntegrity.VerifyAsync(source, cancellationToken, options.MaxProblems).ConfigureAwait(false);

        var backupPath = NewBackupPath(fullSource, options.Directory, time.GetUtcNow());
        List<(string Table, long Rows, string Checksum)> sourceTables;
        // DEFERRED: the first read takes the shared lock and holds it until commit, so the counts,
        // the checksums and the backup all see one snapshot (writers cannot commit in between).
        await using (var snapshot = source.BeginTransaction(deferred: true))
        {
            sourceTables = await DescribeAsync(source, snapshot, cancellationToken).ConfigureAwait(false);
            await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            await destination.OpenAsync(cancellationToken).ConfigureAwait(false);
            // The destination is a new file nobody else opens until it is verified: a rollback journal
            // would only protect a half-written backup, which verification refuses anyway. The copy
            // is still synced to disk when it commits (synchronous stays FULL).
            await using (var journal = destination.CreateCommand())
            {
                journal.CommandText = "PRAGMA journal_mode = OFF";
                await journal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            source.BackupDatabase(destination);
            await snapshot.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Failpoint.IsActive(MigrationFailpoints.BackupSkipVerify))
        {
            return new BackupResult(
                fullSource, backupPath,
                [.. sourceTables.Select(t => new BackupTable(t.Table, t.Rows, null, t.Checksum, null))],
                IntegrityCheckRan: false, IntegrityProblems: [], CountsCompared: false, time.GetElapsedTime(started));
        }

        return await VerifyAsync(fullSource, backupPath, sourceTables, options, started, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BackupResult> VerifyAsync(
        string sourcePath,
        string backupPath,
        List<(string Table, long Rows, string Checksum)> sourceTables,
        BackupOptions options,
        long started,
        CancellationToken cancellationToken)
    {
        await using var backup = await MigrationConnections.OpenSourceAsync(backupPath, cancellationToken).ConfigureAwait(false);
        var problems = await backup.IntegrityProblemsAsync(options.MaxProblems, cancellationToken).ConfigureAwait(false);
        var backupTables = problems.Count == 0
            ? (await DescribeAsync(backup, null, cancellationToken).ConfigureAwait(false)).ToDictionary(t => t.Table, StringComparer.Ordinal)
            : [];
        var tables = sourceTables
            .Select(t => backupTables.TryGetValue(t.Table, out var b)
                ? new BackupTable(t.Table, t.Rows, b.Rows, t.Checksum, b.Checksum)
                : new BackupTable(t.Table, t.Rows, null, t.Checksum, null))
            .Concat(backupTables.Keys.Except(sourceTables.Select(t => t.Table), StringComparer.Ordinal)
                .Select(extra => new BackupTable(extra, 0, backupTables[extra].Rows, string.Empty, backupTables[extra].Checksum)))
            .ToList();
        return new BackupResult(sourcePath, backupPath, tables, IntegrityCheckRan: true, problems, CountsCompared: problems.Count == 0, options.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>Every user table with its row count and a SHA-256 over its rows in a total order.</summary>
    private static async Task<List<(string Table, long Rows, string Checksum)>> DescribeAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var result = new List<(string, long, string)>();
        foreach (var table in await connection.UserTablesAsync(cancellationToken, transaction).ConfigureAwait(false))
        {
            var (rows, checksum) = await TableChecksum.ComputeAsync(connection, table, cancellationToken, transaction).ConfigureAwait(false);
            result.Add((table, rows, checksum));
        }

        return result;
    }

    private static string NewBackupPath(string sourcePath, string? directory, DateTimeOffset now)
    {
        var folder = Path.GetFullPath(directory ?? Path.GetDirectoryName(sourcePath)!);
        Directory.CreateDirectory(folder);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssffffff'Z'", CultureInfo.InvariantCulture);
        var stem = $"{Path.GetFileNameWithoutExtension(sourcePath)}.backup-{stamp}";
        for (var attempt = 0; ; attempt++)
        {
            var candidate = Path.Combine(folder, attempt == 0 ? stem + ".db" : $"{stem}-{attempt}.db");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }
}
