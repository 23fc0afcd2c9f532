using Socrates.Core.Failpoints;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// A backup exists under its final name only once complete and verified; a failed copy leaves
/// nothing that looks like one; a rerun of an unchanged source reuses its verified backup; the
/// backup can go to a folder of its own.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class BackupSafetyTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 3, Projects: 6, MessagesPerProject: 2, Seed: 21, BadShare: 0);

    [Fact]
    public async Task MigrateAsync_BackupRunsOutOfSpace_TypedErrorAndNoFileLooksLikeABackup()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var digest = V1Databases.FileDigest(v1);

        V1ToV2MigrationException error;
        using (Failpoint.Enable(MigrationFailpoints.BackupNoSpace))
        {
            error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
        }

        Assert.Equal(MigrationErrorCode.StorageFull, error.Code);
        Assert.Equal(V1ToV2Stage.Backup, error.Stage);
        Assert.Null(error.BackupPath);
        Assert.Contains("no backup had been made yet", error.Message, StringComparison.Ordinal);
        Assert.Equal(["v1.db"], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
        Assert.Equal(digest, V1Databases.FileDigest(v1));

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        Assert.True(summary.BackupVerified);
    }

    [Fact]
    public async Task MigrateAsync_LeftoverOfKilledBackup_NeverTakenForABackup()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        // What a kill during the copy leaves: half a file under the temporary name.
        var bytes = await File.ReadAllBytesAsync(v1);
        var leftover = directory.File(".v1.backup-20260101T000000000000Z.db.incomplete");
        await File.WriteAllBytesAsync(leftover, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        Assert.NotEqual(leftover, summary.BackupPath);
        Assert.False(summary.BackupReused);
        Assert.EndsWith(".db", summary.BackupPath, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(directory.Path, "v1.backup-*.db"));
    }

    [Fact]
    public async Task MigrateAsync_RerunOfUnchangedSource_ReusesTheVerifiedBackup()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);

        var first = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), null, null, CancellationToken.None);
        var second = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), null, null, CancellationToken.None);
        var fresh = await V1ToV2Migrator.MigrateAsync(v1, directory.File("other-v2.db"), null, null, CancellationToken.None);

        Assert.False(first.BackupReused);
        Assert.True(second.BackupReused);
        Assert.True(fresh.BackupReused);
        Assert.Equal(first.BackupPath, second.BackupPath);
        Assert.Equal(first.BackupPath, fresh.BackupPath);
        Assert.True(second.BackupVerified);
        Assert.Single(Directory.GetFiles(directory.Path, "v1.backup-*.db"));
    }

    [Fact]
    public async Task MigrateAsync_BackupDamagedSinceVerified_NotReusedNewOneTaken()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var first = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), null, null, CancellationToken.None);
        await using (var file = new FileStream(first.BackupPath, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = file.Length - 10;
            file.WriteByte(0xFF);
        }

        var second = await V1ToV2Migrator.MigrateAsync(v1, directory.File("other-v2.db"), null, null, CancellationToken.None);

        Assert.False(second.BackupReused);
        Assert.NotEqual(first.BackupPath, second.BackupPath);
    }

    [Fact]
    public async Task MigrateAsync_ChangedSource_NewBackupNotTheOldOne()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var first = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), null, null, CancellationToken.None);
        await HostileV1Rows.AddUserAsync(v1, "late-user");

        var second = await V1ToV2Migrator.MigrateAsync(v1, directory.File("other-v2.db"), null, null, CancellationToken.None);

        Assert.False(second.BackupReused);
        Assert.NotEqual(first.BackupPath, second.BackupPath);
        Assert.Equal(2, Directory.GetFiles(directory.Path, "v1.backup-*.db").Length);
    }

    [Fact]
    public async Task MigrateAsync_BackupDirectory_BackupGoesThereNotBesideSource()
    {
        using var directory = new TempDirectory();
        var sourceFolder = Directory.CreateDirectory(directory.File("source")).FullName;
        var backups = directory.File("backups");
        var v1 = Path.Combine(sourceFolder, "v1.db");
        await V1Databases.GenerateAsync(v1, s_small);

        var summary = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), new V1ToV2Options { BackupDirectory = backups }, null, CancellationToken.None);

        Assert.Equal(Path.GetFullPath(backups), Path.GetDirectoryName(summary.BackupPath));
        Assert.Equal(["v1.db"], Directory.GetFiles(sourceFolder).Select(Path.GetFileName));
    }
}
