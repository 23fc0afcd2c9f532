using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Runner;

/// <summary>The <c>schema_history</c> table: one row per applied step.</summary>
public static class SchemaHistory
{
    public const string TableName = "schema_history";

    /// <summary>
    /// The table's DDL. The runner creates it before validating (a database with no history is at
    /// version 0), and the catalog's first step is this same DDL, so the table is in the history.
    /// </summary>
    public const string CreateSql = """
        CREATE TABLE IF NOT EXISTS schema_history (
            version INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            checksum TEXT NOT NULL CHECK (length(checksum) = 64),
            applied_at TEXT NOT NULL,
            duration_ms REAL NOT NULL CHECK (duration_ms >= 0),
            success INTEGER NOT NULL CHECK (success IN (0, 1))
        );
        """;

    /// <summary>ISO 8601 UTC with microseconds, e.g. 2026-11-22T12:00:00.123456Z.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static async Task EnsureCreatedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = CreateSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every recorded row, by version.</summary>
    public static async Task<IReadOnlyList<SchemaHistoryEntry>> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, description, checksum, applied_at, duration_ms, success FROM schema_history ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<SchemaHistoryEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new SchemaHistoryEntry(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetDouble(4),
                reader.GetInt64(5) == 1));
        }

        return rows;
    }

    internal static async Task RecordAsync(SqliteConnection connection, SqliteTransaction? transaction, SchemaHistoryEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO schema_history (version, description, checksum, applied_at, duration_ms, success)
            VALUES ($version, $description, $checksum, $applied_at, $duration_ms, $success)
            ON CONFLICT (version) DO UPDATE SET
                description = excluded.description, checksum = excluded.checksum, applied_at = excluded.applied_at,
                duration_ms = excluded.duration_ms, success = excluded.success
            """;
        command.Parameters.AddWithValue("$version", entry.Version);
        command.Parameters.AddWithValue("$description", entry.Description);
        command.Parameters.AddWithValue("$checksum", entry.Checksum);
        command.Parameters.AddWithValue("$applied_at", entry.AppliedAt);
        command.Parameters.AddWithValue("$duration_ms", entry.DurationMs);
        command.Parameters.AddWithValue("$success", entry.Success ? 1 : 0);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
