using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Runner;
using Socrates.Core.Migration.Steps;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// A V2 database built by the migrator records its schema in schema_history (bookkeeping steps and
/// the V2 schema step, with checksums), and a later run against a database whose recorded V2 schema
/// differs from the code's is refused before anything is copied.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1ToV2SchemaHistoryTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 4, Projects: 12, MessagesPerProject: 5, Seed: 91, BadShare: 0);

    [Fact]
    public async Task MigrateAsync_NewTarget_RecordsEveryCatalogStepWithItsChecksum()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);

        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        var history = await ReadHistoryAsync(v2);
        Assert.Equal(MigrationCatalog.Project.Steps.Select(s => (s.Version, s.Checksum)), history.Select(h => (h.Version, h.Checksum)));
        Assert.All(history, h => Assert.True(h.Success));
        Assert.Contains(history, h => h.Version == V2SchemaStep.Version);
    }

    [Fact]
    public async Task MigrateAsync_RecordedV2SchemaDiffersFromCode_RefusedAtSchemaStage()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        // The database was built by another version of the V2 script: its recorded checksum is another one.
        var other = MigrationChecksum.Of("CREATE TABLE users (username TEXT PRIMARY KEY);");
        await ExecuteAsync(v2, "UPDATE schema_history SET checksum = $checksum WHERE version = $version", ("$checksum", other), ("$version", V2SchemaStep.Version));
        var before = await V1Databases.SnapshotAsync(v2);

        var error = await Assert.ThrowsAsync<V1ToV2MigrationException>(() => V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None));

        Assert.Equal(V1ToV2Stage.Schema, error.Stage);
        Assert.Equal(MigrationErrorCode.ChecksumMismatch, error.Code);
        var validation = Assert.IsType<MigrationValidationException>(error.InnerException);
        Assert.Equal(V2SchemaStep.Version, validation.Version);
        Assert.Equal(other, validation.ExpectedChecksum);
        Assert.Equal(before, await V1Databases.SnapshotAsync(v2));
    }

    private static async Task<IReadOnlyList<SchemaHistoryEntry>> ReadHistoryAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await SchemaHistory.ReadAsync(connection, CancellationToken.None);
    }

    private static async Task ExecuteAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
