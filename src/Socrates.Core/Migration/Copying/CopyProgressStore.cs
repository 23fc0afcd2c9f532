using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Runner;

namespace Socrates.Core.Migration.Copying;

/// <summary>
/// Reads and advances <c>migration_progress</c>. The advance is conditional on the mark the
/// caller last saw, in the batch's transaction, so two copiers on one job cannot both advance it
/// and a batch is recorded exactly when its rows are.
/// </summary>
public static class CopyProgressStore
{
    public static async Task<CopyProgressRecord?> ReadAsync(SqliteConnection target, string job, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var command = target.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT job, source_table, last_key, rows_read, rows_migrated, rows_rejected, batches, completed, run_id
            FROM migration_progress WHERE job = $job
            """;
        command.Parameters.AddWithValue("$job", job);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new CopyProgressRecord(
            reader.GetString(0),
            reader.GetString(1),
            await reader.IsDBNullAsync(2, cancellationToken).ConfigureAwait(false) ? null : reader.GetValue(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt64(6),
            reader.GetInt64(7) == 1,
            await reader.IsDBNullAsync(8, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(8));
    }

    /// <summary>Creates the job's row (no mark yet) if it does not exist.</summary>
    public static async Task EnsureAsync(SqliteConnection target, string job, string sourceTable, string runId, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(time);
        await using var command = target.CreateCommand();
        command.CommandText = """
            INSERT INTO migration_progress (job, source_table, run_id, updated_at) VALUES ($job, $table, $run, $at)
            ON CONFLICT (job) DO NOTHING
            """;
        command.Parameters.AddWithValue("$job", job);
        command.Parameters.AddWithValue("$table", sourceTable);
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$at", SchemaHistory.FormatTimestamp(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the mark from <paramref name="previous"/> to <paramref name="next"/> (its key and
    /// totals) inside <paramref name="transaction"/>. Throws when the stored mark is not
    /// <paramref name="previous"/>'s: another run moved it.
    /// </summary>
    public static async Task AdvanceAsync(SqliteConnection target, SqliteTransaction transaction, CopyProgressRecord previous, CopyProgressRecord next, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(time);
        await using var command = target.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE migration_progress SET
                last_key = $key, rows_read = $read, rows_migrated = $migrated, rows_rejected = $rejected,
                batches = $batches, completed = $completed, run_id = $run, updated_at = $at
            WHERE job = $job AND last_key IS $previous_key AND rows_read = $previous_read
            """;
        command.Parameters.AddWithValue("$key", next.LastKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$read", next.RowsRead);
        command.Parameters.AddWithValue("$migrated", next.RowsMigrated);
        command.Parameters.AddWithValue("$rejected", next.RowsRejected);
        command.Parameters.AddWithValue("$batches", next.Batches);
        command.Parameters.AddWithValue("$completed", next.Completed ? 1 : 0);
        command.Parameters.AddWithValue("$run", (object?)next.RunId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", SchemaHistory.FormatTimestamp(time.GetUtcNow()));
        command.Parameters.AddWithValue("$job", previous.Job);
        command.Parameters.AddWithValue("$previous_key", previous.LastKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$previous_read", previous.RowsRead);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new MigrationException(
                MigrationErrorCode.CopyFailed,
                $"Copy '{previous.Job}': its progress mark moved under it (expected last key '{previous.LastKey}' after {previous.RowsRead} rows); is another run copying the same job?",
                new Dictionary<string, string> { ["job"] = previous.Job });
        }
    }
}
