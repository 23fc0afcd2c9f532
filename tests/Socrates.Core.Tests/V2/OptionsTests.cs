using Microsoft.Extensions.Options;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class OptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new AsyncDatabaseOptions();
        Assert.True(new AsyncDatabaseOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(Math.Max(2, Environment.ProcessorCount), options.PoolSize);
        Assert.Equal(SynchronousMode.Full, options.Synchronous);
    }

    [Fact]
    public async Task OpenAsync_BadOptions_ThrowsListingEveryProblem()
    {
        var options = new AsyncDatabaseOptions
        {
            DatabasePath = ":memory:",
            PoolSize = 0,
            OperationTimeout = TimeSpan.Zero,
            MaxIdLength = -1,
            Synchronous = (SynchronousMode)9,
        };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AsyncProjectDatabase.OpenAsync(options));
        Assert.Equal(5, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("PoolSize must be between 1 and 1024; it is 0.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAsync_SameFileTwice_IdempotentSchemaAndDataKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new Socrates.Testing.Generators.SocratesDataGenerator(1).Project("o");
        await test.Database.SaveProjectAsync(project, null);
        await using var second = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = test.Path });
        Assert.True(await second.ExistsProjectAsync(project.ProjectId));
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_SchemaMismatch()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={test.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01T00:00:00.000000');";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<DatabaseException>(() => AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = test.Path }));
        Assert.Equal(DatabaseErrorCode.SchemaMismatch, error.Code);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Schema_HasEveryTableWalAndForeignKeys()
    {
        await using var test = await TestDatabase.CreateAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={test.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Equal(Socrates.Core.V2.Schema.SchemaSql.Tables.Order(StringComparer.Ordinal), tables.Where(t => !t.StartsWith("sqlite_", StringComparison.Ordinal)));
        Assert.True(tables.Count >= 15);
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_key_check;";
        await using var check = await command.ExecuteReaderAsync();
        Assert.False(await check.ReadAsync());
    }
}
