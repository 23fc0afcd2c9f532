using Microsoft.Data.Sqlite;
using Socrates.Core.V1;

namespace Socrates.Core.Tests.V1;

/// <summary>A V1 database in a temporary file, deleted on dispose; time fixed for reproducible columns.</summary>
internal sealed class TemporaryV1Database : IAsyncDisposable
{
    private TemporaryV1Database(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        Store = new LegacyStore(new LegacyStoreOptions { ConnectionString = ConnectionString }, new FixedTime());
    }

    public string Path { get; }

    public string ConnectionString { get; }

    public LegacyStore Store { get; }

    public static async Task<TemporaryV1Database> CreateAsync(string? copyOf = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"socrates-v1-{Guid.NewGuid():N}.db");
        if (copyOf is not null)
        {
            File.Copy(copyOf, path);
        }

        var database = new TemporaryV1Database(path);
        await database.Store.InitializeAsync(CancellationToken.None);
        return database;
    }

    /// <summary>Runs raw SQL (to plant corrupt rows or inspect columns the store does not expose).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }

    /// <summary>2024-06-01 12:00:00 UTC, local time zone UTC.</summary>
    public sealed class FixedTime : TimeProvider
    {
        public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
