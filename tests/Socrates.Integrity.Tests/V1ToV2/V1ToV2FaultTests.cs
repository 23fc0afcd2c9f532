using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>The real migrator under faults: a corrupt source, a target that refuses writes, a full disk.</summary>
[Trait("Category", "Integrity")]
public sealed class V1ToV2FaultTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 5, Projects: 25, MessagesPerProject: 10, Seed: 99, BadShare: 0.04);

    [Theory]
    [InlineData("header")]
    [InlineData("truncated")]
    public async Task MigrateAsync_CorruptV1File_TypedErrorAndNothingWritten(string damage)
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var bytes = await File.ReadAllBytesAsync(v1);
        if (damage == "header")
        {
            Array.Fill(bytes, (byte)0x5A, 0, 100);
        }
        else
        {
            Array.Resize(ref bytes, bytes.Length / 2);
        }

        await File.WriteAllBytesAsync(v1, bytes);
        var digest = V1Databases.FileDigest(v1);
        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));
        Assert.Equal(MigrationErrorCode.SourceCorrupt, error.Code);
        // A destroyed header is seen by the preflight, before the backup; a truncated file by the backup's integrity_check.
        Assert.Equal(damage == "header" ? V1ToV2Stage.VerifySource : V1ToV2Stage.Backup, error.Stage);
        Assert.Contains("source was not modified", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(v2), "a V2 file was written from a corrupt source");
        Assert.Equal(digest, V1Databases.FileDigest(v1));
    }

    [Fact]
    public async Task MigrateAsync_TargetRefusesWrites_TypedErrorSourceUntouchedThenCompletes()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var digest = V1Databases.FileDigest(v1);
        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2,
            new V1ToV2Options { TargetPragmas = [("query_only", 1)] }, null, CancellationToken.None));
        Assert.Equal(V1ToV2Stage.Schema, error.Stage);
        Assert.NotNull(error.BackupPath);
        Assert.True(File.Exists(error.BackupPath), "the error names a backup that does not exist");
        Assert.Equal(digest, V1Databases.FileDigest(v1));

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        Assert.True(summary.Verification!.Clean);
    }

    [Fact]
    public async Task MigrateAsync_DiskFull_TypedStorageFullThenResumesClean()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);

        // Pages the schema alone takes (a V1 file with one user), and pages the whole migration takes.
        var empty = directory.File("empty-v1.db");
        await V1Databases.GenerateAsync(empty, new V1GenerationOptions(1, 0, 0, 1, 0));
        var schemaPages = await PagesAfterMigrationAsync(empty, directory.File("empty-v2.db"));
        var fullPages = await PagesAfterMigrationAsync(v1, directory.File("scratch-v2.db"));
        Assert.True(fullPages > schemaPages + 4, $"the data needs no pages beyond the schema ({schemaPages} vs {fullPages})");
        var limit = schemaPages + ((fullPages - schemaPages) / 2);

        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2,
            new V1ToV2Options { BatchSize = 5, TargetPragmas = [("max_page_count", limit)] }, null, CancellationToken.None));
        Assert.Equal(MigrationErrorCode.StorageFull, error.Code);
        Assert.Equal(V1ToV2Stage.Copy, error.Stage);

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options { BatchSize = 5 }, null, CancellationToken.None);
        Assert.Contains(summary.Tables, t => t.Resumed);
        Assert.True(summary.AccountingHolds);
        Assert.True(summary.Verification!.Clean, summary.Verification.Report.Describe());
    }

    private static async Task<long> PagesAfterMigrationAsync(string v1, string v2)
    {
        await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options { Validate = false }, null, CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={v2};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ";
        await command.ExecuteNonQueryAsync();
        command.CommandText = "PRAGMA page_count";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
