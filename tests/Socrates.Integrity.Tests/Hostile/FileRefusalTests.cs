using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// A careless --from or --to is refused before anything is written, naming the file and what it
/// is: the source as target, a database the migration did not make, a text file, a directory, a
/// V2 database given as the source. Every file involved keeps its bytes.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class FileRefusalTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 3, Projects: 4, MessagesPerProject: 2, Seed: 11, BadShare: 0);

    [Fact]
    public async Task MigrateAsync_TargetIsSource_RefusedAndSourceUntouched()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var digest = V1Databases.FileDigest(v1);

        var error = await RefusedAsync(v1, Path.Combine(directory.Path, ".", "v1.db"));

        Assert.Equal(MigrationErrorCode.TargetIsSource, error.Code);
        Assert.Contains("is the source itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(digest, V1Databases.FileDigest(v1));
        Assert.Empty(Directory.GetFiles(directory.Path, "*backup*"));
    }

    [Fact]
    public async Task MigrateAsync_TargetIsSymlinkToSource_Refused()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var digest = V1Databases.FileDigest(v1);
        File.CreateSymbolicLink(directory.File("link.db"), v1);

        var error = await RefusedAsync(v1, directory.File("link.db"));

        Assert.Equal(MigrationErrorCode.TargetIsSource, error.Code);
        Assert.Equal(digest, V1Databases.FileDigest(v1));
    }

    [Fact]
    public async Task MigrateAsync_TargetIsAnotherV1Database_RefusedNamingIt()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var other = directory.File("other-v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await V1Databases.GenerateAsync(other, s_small with { Seed = 12 });
        var digest = V1Databases.FileDigest(other);

        var error = await RefusedAsync(v1, other);

        Assert.Equal(MigrationErrorCode.TargetNotMigrationTarget, error.Code);
        Assert.Contains("a V1 database", error.Message, StringComparison.Ordinal);
        Assert.Contains(other, error.Message, StringComparison.Ordinal);
        Assert.Equal(digest, V1Databases.FileDigest(other));
    }

    [Fact]
    public async Task MigrateAsync_TargetIsForeignSqliteFile_RefusedAndUnchanged()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var other = directory.File("app.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);";
            await command.ExecuteNonQueryAsync();
        }

        var digest = V1Databases.FileDigest(other);

        var error = await RefusedAsync(v1, other);

        Assert.Equal(MigrationErrorCode.TargetNotMigrationTarget, error.Code);
        Assert.Contains("invoices", error.Message, StringComparison.Ordinal);
        Assert.Equal(digest, V1Databases.FileDigest(other));
    }

    [Fact]
    public async Task MigrateAsync_TargetIsTextFile_RefusedAsNotSqliteNotAsCorruptSource()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var notes = directory.File("notes.txt");
        await V1Databases.GenerateAsync(v1, s_small);
        await File.WriteAllTextAsync(notes, "shopping list\nmilk\n");

        var error = await RefusedAsync(v1, notes);

        Assert.Equal(MigrationErrorCode.TargetNotMigrationTarget, error.Code);
        Assert.Contains("not an SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("shopping list", error.Message, StringComparison.Ordinal);
        Assert.Equal("shopping list\nmilk\n", await File.ReadAllTextAsync(notes));
    }

    [Fact]
    public async Task MigrateAsync_TargetIsDirectory_RefusedSayingSo()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);

        var error = await RefusedAsync(v1, directory.Path);

        Assert.Equal(MigrationErrorCode.TargetNotMigrationTarget, error.Code);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_TargetFolderMissing_RefusedNamingTheFolder()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);

        var error = await RefusedAsync(v1, Path.Combine(directory.Path, "no-such-folder", "v2.db"));

        Assert.Equal(MigrationErrorCode.TargetNotMigrationTarget, error.Code);
        Assert.Contains("no-such-folder", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MigrateAsync_TargetFolderReadOnly_RefusedAsReadOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("folder permissions are ACLs on Windows");
        }

        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using var locked = ReadOnlyFolder.Create(directory.File("locked"), out var reason);
        Skip.If(locked is null, reason);

        var error = await RefusedAsync(v1, Path.Combine(locked!.Path, "v2.db"));

        Assert.Equal(MigrationErrorCode.TargetReadOnly, error.Code);
        Assert.Contains(locked.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_BackupFolderBehindAFile_RefusedBeforeAnythingIsWritten()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var options = new V1ToV2Options { BackupDirectory = Path.Combine(v1, "backups") };

        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), options, null, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.BackupFolderUnusable, error.Code);
        Assert.Contains("is a file", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("v2.db")));
    }

    [Fact]
    public async Task MigrateAsync_V2DatabaseAsSource_RefusedAsV2()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        var digest = V1Databases.FileDigest(v2);

        var error = await RefusedAsync(v2, directory.File("v3.db"));

        Assert.Equal(MigrationErrorCode.SourceNotV1, error.Code);
        Assert.Contains("is a V2 database", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("v3.db")));
        Assert.Equal(digest, V1Databases.FileDigest(v2));
    }

    [Fact]
    public async Task MigrateAsync_ExistingV2TargetOfThisMigration_Accepted()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        var again = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        Assert.Equal(0, again.RowsThisRun);
    }

    private static async Task<V1ToV2MigrationException> RefusedAsync(string v1, string v2)
    {
        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
        Assert.Equal(V1ToV2Stage.VerifySource, error.Stage);
        Assert.Null(error.BackupPath);
        return error;
    }
}
