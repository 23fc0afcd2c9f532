using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.Errors;
using Socrates.CrashHost;
using Socrates.Testing.Metrics;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>
/// The pre-migration backup: taken with the online backup API, then proven restorable
/// (integrity_check, per-table counts and content checksums equal to the source's). On generated
/// data, so its figure is <c>migration.backup_verification_sound</c> (the verification itself is
/// sound); <c>migration.backup_verified</c> (the backup of the database migrated, the user's own in
/// a rehearsal) has one writer, the V1-to-V2 run, so no generated figure can overwrite a real one.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class BackupIntegrityTests
{
    /// <summary>1 only if integrity_check ran on the backup and passed and every table matched.</summary>
    public static double BackupVerifiedMetric(BackupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IntegrityCheckRan && result.IntegrityProblems.Count == 0 && result.CountsCompared && result.Tables.Count > 0 && result.Tables.All(t => t.Matches)
            ? 1.0
            : 0.0;
    }

    [Fact]
    public async Task CreateAsync_HealthySource_VerificationSoundMetricIsOne()
    {
        using var databases = new WorkloadDatabases(2_000);
        await AddSecondTableAsync(databases.SourcePath);
        var sourceBefore = FileChecksum.Of(databases.SourcePath);

        var result = await DatabaseBackup.CreateAsync(databases.SourcePath, null, CancellationToken.None);
        // The verification must look at the copy: one row removed from the copy between copying
        // and verifying must be caught. A verification that reads the source (or anything but the
        // copy) passes the clean backup above and is caught only here.
        var tampered = await DatabaseBackup.CreateAsync(
            databases.SourcePath,
            new BackupOptions { PagesCopied = RemoveOneRow },
            CancellationToken.None);

        var tamperCaught = !tampered.Verified && !File.Exists(tampered.BackupPath);
        var metric = tamperCaught ? BackupVerifiedMetric(result) : 0.0;
        var evidence = MetricsWriter.WriteEvidence("integrity", "migration-backup.json", new { clean = result, tampered_copy_refused = tamperCaught, tampered });
        MetricsWriter.Write("integrity", "migration.backup_verification_sound", metric, "bool", evidence);
        Assert.True(tamperCaught, "a copy that lost a row after copying was accepted as a verified backup");
        Assert.Equal(1.0, metric);
        Assert.True(result.Verified);
        Assert.True(File.Exists(result.BackupPath));
        Assert.Equal(Path.GetDirectoryName(databases.SourcePath), Path.GetDirectoryName(result.BackupPath));
        Assert.Contains(".backup-", result.BackupPath, StringComparison.Ordinal);
        Assert.Equal(2_000, Assert.Single(result.Tables, t => t.Name == "items").BackupRows);
        Assert.Equal(3, Assert.Single(result.Tables, t => t.Name == "notes").BackupRows);
        Assert.Equal(sourceBefore, FileChecksum.Of(databases.SourcePath));

        // Restorable: the backup reads back as the very source data.
        await using var source = await databases.OpenSourceAsync();
        await using var backup = await MigrationConnections.OpenSourceAsync(result.BackupPath, CancellationToken.None);
        Assert.Equal(
            await TableChecksum.ComputeAsync(source, "items", CancellationToken.None),
            await TableChecksum.ComputeAsync(backup, "items", CancellationToken.None));
    }

    /// <summary>Deletes the first row of <c>items</c> from the copy being made (the backup's own file).</summary>
    private static void RemoveOneRow(string copyPath)
    {
        using var connection = new SqliteConnection($"Data Source={copyPath};Pooling=False");
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM items WHERE rowid = (SELECT min(rowid) FROM items);";
        Assert.Equal(1, delete.ExecuteNonQuery());
    }

    [Fact]
    public async Task CreateAsync_SkipVerifyCanary_MetricIsZero()
    {
        using var databases = new WorkloadDatabases(300);
        BackupResult result;
        using (Failpoint.Enable(MigrationFailpoints.BackupSkipVerify))
        {
            result = await DatabaseBackup.CreateAsync(databases.SourcePath, null, CancellationToken.None);
        }

        Assert.False(result.IntegrityCheckRan);
        Assert.False(result.Verified);
        Assert.Equal(0.0, BackupVerifiedMetric(result));
        var error = Assert.Throws<BackupVerificationException>(() => result.EnsureVerified());
        Assert.Contains("integrity_check did not run on the backup", error.Problems);
    }

    [Fact]
    public async Task CreateAsync_BackupDiffersFromSource_NotVerified()
    {
        // The verification is judged on a result whose backup lost a row: it must say so.
        using var databases = new WorkloadDatabases(300);
        var result = await DatabaseBackup.CreateAsync(databases.SourcePath, null, CancellationToken.None);
        var tampered = result with
        {
            Tables = [.. result.Tables.Select(t => t with { BackupRows = t.BackupRows - 1 })],
        };

        Assert.True(result.Verified);
        Assert.False(tampered.Verified);
        Assert.Equal(0.0, BackupVerifiedMetric(tampered));
        Assert.Single(tampered.Mismatches);
        Assert.Same(result, result.EnsureVerified());
        Assert.Equal(MigrationErrorCode.BackupVerificationFailed, Assert.Throws<BackupVerificationException>(() => tampered.EnsureVerified()).Code);
    }

    [Fact]
    public async Task CreateAsync_CorruptSource_SourceCorruptExceptionAndNoBackupFile()
    {
        using var databases = new WorkloadDatabases(3_000);
        CopyFaultTests.CorruptMiddle(databases.SourcePath);
        var backupFolder = Path.Combine(databases.Folder, "backups");

        var error = await Assert.ThrowsAsync<SourceCorruptException>(
            () => DatabaseBackup.CreateAsync(databases.SourcePath, new BackupOptions { Directory = backupFolder }, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.SourceCorrupt, error.Code);
        Assert.False(Directory.Exists(backupFolder) && Directory.EnumerateFiles(backupFolder).Any());
    }

    [Fact]
    public async Task CreateAsync_TwiceInOneInstant_DistinctFiles()
    {
        using var databases = new WorkloadDatabases(50);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var options = new BackupOptions { TimeProvider = clock };

        var first = await DatabaseBackup.CreateAsync(databases.SourcePath, options, CancellationToken.None);
        var second = await DatabaseBackup.CreateAsync(databases.SourcePath, options, CancellationToken.None);

        Assert.NotEqual(first.BackupPath, second.BackupPath);
        Assert.EndsWith("source.backup-20261122T120000000000Z.db", first.BackupPath, StringComparison.Ordinal);
        Assert.True(second.Verified);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("wal")]
    public async Task CreateAsync_WriterCommittingThroughout_BackupMatchesOneSnapshot(string journalMode)
    {
        // The source's checksums are read on a second connection while the first copies the pages
        // (rollback journal) or on the same one (WAL): either way the backup verifies, with no false
        // alarm and no lock failure, while a writer keeps committing around it. In WAL mode a second
        // reader could start from a newer commit, but the window is microseconds wide: this test
        // would seldom catch that, which is why WAL sources are read on one connection by design.
        // (The writer pauses between commits: one that never pauses starves every reader of a
        // rollback-journal database, the backup's integrity_check included; that is SQLite's locking.)
        using var databases = new WorkloadDatabases(2_000);
        await SetJournalModeAsync(databases.SourcePath, journalMode);
        using var stop = new CancellationTokenSource();
        var commits = 0;
        var writer = Task.Run(async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={databases.SourcePath};Pooling=False;Default Timeout=30");
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO items (name, tags, amount, payload) SELECT name, tags, amount, payload FROM items WHERE id = 1";
            while (!stop.IsCancellationRequested)
            {
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref commits);
                await Task.Delay(2);
            }
        });
        while (Volatile.Read(ref commits) < 5)
        {
            await Task.Delay(1);
        }

        BackupResult result;
        try
        {
            result = await DatabaseBackup.CreateAsync(databases.SourcePath, null, CancellationToken.None);
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }

        Assert.True(result.Verified, string.Join("; ", result.Tables.Where(t => !t.Matches).Select(t => $"{t.Name}: {t.SourceRows} vs {t.BackupRows}")));
    }

    [Fact]
    public async Task CreateAsync_WalSource_BackupVerified()
    {
        using var databases = new WorkloadDatabases(500);
        await SetJournalModeAsync(databases.SourcePath, "wal");

        var result = await DatabaseBackup.CreateAsync(databases.SourcePath, null, CancellationToken.None);

        Assert.True(result.Verified);
        Assert.Equal(500, Assert.Single(result.Tables, t => t.Name == "items").BackupRows);
    }

    private static async Task SetJournalModeAsync(string path, string mode)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode = {mode}";
        Assert.Equal(mode, await command.ExecuteScalarAsync());
    }

    private static async Task AddSecondTableAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE notes (note_id TEXT PRIMARY KEY, body TEXT, score REAL) WITHOUT ROWID;
            INSERT INTO notes VALUES ('a', 'first', 1.5), ('b', NULL, NULL), ('c', 'third', -2.0);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
