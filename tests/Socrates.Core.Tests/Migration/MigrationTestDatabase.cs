using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Runner;

namespace Socrates.Core.Tests.Migration;

/// <summary>An in-memory database with the migration's bookkeeping tables and one started run.</summary>
internal static class MigrationTestDatabase
{
    public const string RunId = "run-1";

    public static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:;Foreign Keys=True");
        await connection.OpenAsync();
        await new MigrationRunner(MigrationCatalog.BookkeepingSteps).MigrateAsync(connection, CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO migration_runs (run_id, started_at, status) VALUES ($id, '2026-11-22T12:00:00.000000Z', 'running')";
        command.Parameters.AddWithValue("$id", RunId);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
