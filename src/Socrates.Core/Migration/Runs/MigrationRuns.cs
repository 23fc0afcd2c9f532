using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Runner;

namespace Socrates.Core.Migration.Runs;

/// <summary>Rows of <c>migration_runs</c>: a run is started, then completed or failed.</summary>
public static class MigrationRuns
{
    /// <summary>Starts a run and returns its id (a new GUID unless <paramref name="runId"/> is given).</summary>
    public static async Task<string> StartAsync(SqliteConnection connection, TimeProvider time, string? sourcePath, string? backupPath, CancellationToken cancellationToken, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        var id = runId ?? Guid.NewGuid().ToString("N");
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO migration_runs (run_id, started_at, status, source_path, backup_path)
            VALUES ($id, $at, 'running', $source, $backup)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", SchemaHistory.FormatTimestamp(time.GetUtcNow()));
        command.Parameters.AddWithValue("$source", (object?)sourcePath ?? DBNull.Value);
        command.Parameters.AddWithValue("$backup", (object?)backupPath ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public static Task CompleteAsync(SqliteConnection connection, TimeProvider time, string runId, CancellationToken cancellationToken) =>
        FinishAsync(connection, time, runId, "completed", null, cancellationToken);

    public static Task FailAsync(SqliteConnection connection, TimeProvider time, string runId, string error, CancellationToken cancellationToken) =>
        FinishAsync(connection, time, runId, "failed", error, cancellationToken);

    /// <summary>The status of a run ('running', 'completed', 'failed'), or null when there is no such run.</summary>
    public static async Task<string?> StatusAsync(SqliteConnection connection, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM migration_runs WHERE run_id = $id";
        command.Parameters.AddWithValue("$id", runId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task FinishAsync(SqliteConnection connection, TimeProvider time, string runId, string status, string? error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE migration_runs SET status = $status, finished_at = $at, error = $error WHERE run_id = $id";
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$at", SchemaHistory.FormatTimestamp(time.GetUtcNow()));
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", runId);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"Migration run '{runId}' does not exist; it cannot be marked {status}.");
        }
    }
}
