using Socrates.Cli;
using Socrates.Cli.Commands;
using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.Restore;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// The rollback step: <c>socrates restore</c> brings V1 back from the migration's verified backup
/// byte for byte, refuses a backup that does not verify, and never leaves a half-restored file or
/// loses the file it replaces.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class RestoreTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 3, Projects: 8, MessagesPerProject: 3, Seed: 61, BadShare: 0);

    [Fact]
    public async Task Restore_AfterMigrate_SourceBackByteForByte()
    {
        using var directory = new TempDirectory();
        var (v1, backup) = await MigratedAsync(directory);
        var original = await File.ReadAllBytesAsync(v1);
        File.Delete(v1);

        var (exit, output, error) = await RunAsync("restore", "--backup", backup);

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Equal(original, await File.ReadAllBytesAsync(v1));
        Assert.Contains("\"byte_identical_to_source\": true", output, StringComparison.Ordinal);
        Assert.Contains("Restored '" + v1 + "'", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.incomplete", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Restore_DestinationUnchanged_NothingWrittenExitZero()
    {
        using var directory = new TempDirectory();
        var (v1, backup) = await MigratedAsync(directory);
        var written = File.GetLastWriteTimeUtc(v1);

        var result = await DatabaseRestore.RestoreAsync(backup, null, CancellationToken.None);

        Assert.False(result.Restored);
        Assert.True(result.ByteIdentical);
        Assert.Equal(written, File.GetLastWriteTimeUtc(v1));
    }

    [Fact]
    public async Task Restore_DestinationChangedWithoutForce_RefusedAndUntouched()
    {
        using var directory = new TempDirectory();
        var (v1, backup) = await MigratedAsync(directory);
        var original = await File.ReadAllBytesAsync(v1);
        await File.AppendAllTextAsync(v1, "written by the app after the backup");
        var changed = await File.ReadAllBytesAsync(v1);

        var (exit, _, error) = await RunAsync("restore", "--backup", backup);

        Assert.Equal(RestoreCommand.DestinationDiffers, exit);
        Assert.Contains("DestinationDiffers", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(changed, await File.ReadAllBytesAsync(v1));

        var (forced, _, _) = await RunAsync("restore", "--backup", backup, "--force");

        Assert.Equal(CliExitCodes.Success, forced);
        Assert.Equal(original, await File.ReadAllBytesAsync(v1));
        var kept = Assert.Single(Directory.GetFiles(directory.Path, "v1.db.replaced-*"));
        Assert.Equal(changed, await File.ReadAllBytesAsync(kept));
    }

    [Fact]
    public async Task Restore_CorruptBackup_RefusedAsChecksumMismatch()
    {
        using var directory = new TempDirectory();
        var (v1, backup) = await MigratedAsync(directory);
        File.Delete(v1);
        await using (var file = new FileStream(backup, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length / 2;
            file.WriteByte(0x5A);
        }

        var (exit, _, error) = await RunAsync("restore", "--backup", backup);

        Assert.Equal(RestoreCommand.BackupUnverified, exit);
        Assert.Contains("BackupChecksumMismatch", error, StringComparison.Ordinal);
        Assert.Contains(backup, error, StringComparison.Ordinal);
        Assert.False(File.Exists(v1));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.incomplete"));
    }

    [Fact]
    public async Task Restore_BackupCorruptedWithItsManifestRewritten_RefusedByTableChecksums()
    {
        using var directory = new TempDirectory();
        var (v1, backup) = await MigratedAsync(directory);
        File.Delete(v1);
        // Someone edits the backup and its recorded digest: the rows no longer match the manifest's checksums.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM llm_usage WHERE rowid = (SELECT min(rowid) FROM llm_usage)";
            await command.ExecuteNonQueryAsync();
        }

        var manifest = (await BackupManifest.TryReadAsync(BackupManifest.PathOf(backup), CancellationToken.None))!;
        await (manifest with { BackupSha256 = await SourceDigest.ComputeAsync(backup, CancellationToken.None) }).WriteAsync(backup, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RestoreException>(() => DatabaseRestore.RestoreAsync(backup, null, CancellationToken.None));

        Assert.Equal(RestoreErrorCode.BackupCorrupt, refused.Code);
        Assert.Contains("table llm_usage", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(v1));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.incomplete"));
    }

    [Fact]
    public async Task Restore_WrongFileWithoutManifest_RefusedAsNotABackup()
    {
        using var directory = new TempDirectory();
        var (v1, _) = await MigratedAsync(directory);

        var (exit, _, error) = await RunAsync("restore", "--backup", directory.File("v2.db"), "--to", directory.File("restored.db"));

        Assert.Equal(RestoreCommand.BackupUnverified, exit);
        Assert.Contains("ManifestMissing", error, StringComparison.Ordinal);
        Assert.Contains("v2.db' is not a verified backup", error, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("restored.db")));
        Assert.True(File.Exists(v1));
    }

    [Fact]
    public async Task Restore_MissingBackup_UsageExitOneLine()
    {
        using var directory = new TempDirectory();

        var (exit, _, error) = await RunAsync("restore", "--backup", directory.File("gone.backup.db"));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("gone.backup.db' does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_DestinationFolderBehindAFile_RefusedAsUnwritable()
    {
        using var directory = new TempDirectory();
        var (_, backup) = await MigratedAsync(directory);
        var blocker = directory.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be");

        var (exit, _, error) = await RunAsync("restore", "--backup", backup, "--to", Path.Combine(blocker, "v1.db"));

        Assert.Equal(RestoreCommand.DestinationUnwritable, exit);
        Assert.Contains("DestinationUnwritable", error, StringComparison.Ordinal);
        Assert.Contains(blocker, error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Restore_DestinationFolderReadOnly_RefusedAndNothingLeft()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("folder permissions are ACLs on Windows");
        }

        using var directory = new TempDirectory();
        var (_, backup) = await MigratedAsync(directory);
        using var locked = ReadOnlyFolder.Create(directory.File("locked"), out var reason);
        Skip.If(locked is null, reason);

        var destination = Path.Combine(locked!.Path, "v1.db");

        var refused = await Assert.ThrowsAsync<RestoreException>(
            () => DatabaseRestore.RestoreAsync(backup, new RestoreOptions { Destination = destination }, CancellationToken.None));

        Assert.Equal(RestoreErrorCode.DestinationUnwritable, refused.Code);
        Assert.Empty(Directory.GetFiles(locked.Path));
    }

    private static async Task<(string V1, string Backup)> MigratedAsync(TempDirectory directory)
    {
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var summary = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), null, null, CancellationToken.None);
        Assert.True(summary.BackupVerified);
        return (v1, summary.BackupPath);
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => CliRun.RunAsync(args);
}
