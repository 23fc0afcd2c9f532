using System.Text;
using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Runner;

namespace Socrates.Core.Migration.Rejects;

/// <summary>
/// Writes rejects to <c>migration_rejects</c> in the caller's transaction (the batch's), so a
/// rolled-back batch leaves no reject behind and a committed one leaves every reject it made.
/// A row rejected again (a re-run after a reset) replaces its earlier reject: one row, one reject.
/// </summary>
public sealed class RejectLog(TimeProvider? timeProvider = null)
{
    /// <summary>Longest raw excerpt stored, in characters.</summary>
    public const int MaxExcerptLength = 512;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>
    /// Records <paramref name="reject"/> for run <paramref name="runId"/>. Returns true when the
    /// reject was written. Under the canary <see cref="MigrationFailpoints.RejectsSwallow"/> it is
    /// dropped and false is returned: the row silently vanishes, which accounting must catch.
    /// </summary>
    public async Task<bool> RecordAsync(SqliteConnection connection, SqliteTransaction? transaction, string runId, MigrationReject reject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reject);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (Failpoint.IsActive(MigrationFailpoints.RejectsSwallow))
        {
            return false;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO migration_rejects (run_id, source_table, entity_id, field, reason, raw_excerpt, recorded_at)
            VALUES ($run, $table, $id, $field, $reason, $excerpt, $at)
            ON CONFLICT (source_table, entity_id) DO UPDATE SET
                run_id = excluded.run_id, field = excluded.field, reason = excluded.reason,
                raw_excerpt = excluded.raw_excerpt, recorded_at = excluded.recorded_at
            """;
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$table", reject.SourceTable);
        command.Parameters.AddWithValue("$id", reject.EntityId);
        command.Parameters.AddWithValue("$field", (object?)reject.Field ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", reject.Reason);
        command.Parameters.AddWithValue("$excerpt", reject.RawExcerpt is null ? DBNull.Value : Excerpt(reject.RawExcerpt));
        command.Parameters.AddWithValue("$at", SchemaHistory.FormatTimestamp(_time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Rejects per source table.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountBySourceTableAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT source_table, count(*) FROM migration_rejects GROUP BY source_table";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>The rejects of one source table (or all), by table and id, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<StoredReject>> ReadAsync(SqliteConnection connection, string? sourceTable, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, source_table, entity_id, field, reason, raw_excerpt, recorded_at FROM migration_rejects
            WHERE $table IS NULL OR source_table = $table ORDER BY source_table, entity_id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$table", (object?)sourceTable ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var rejects = new List<StoredReject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rejects.Add(new StoredReject(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                await reader.IsDBNullAsync(3, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(3),
                reader.GetString(4),
                await reader.IsDBNullAsync(5, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(5),
                reader.GetString(6)));
        }

        return rejects;
    }

    /// <summary>At most <see cref="MaxExcerptLength"/> characters of <paramref name="raw"/>, marked when cut.</summary>
    public static string Excerpt(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Length <= MaxExcerptLength
            ? raw
            : string.Concat(raw.AsSpan(0, MaxExcerptLength), $"...(+{raw.Length - MaxExcerptLength} chars)");
    }

    /// <summary>A hex excerpt of raw bytes (a blob), bounded like <see cref="Excerpt(string)"/>.</summary>
    public static string Excerpt(ReadOnlySpan<byte> raw)
    {
        var shown = raw[..Math.Min(raw.Length, MaxExcerptLength / 2)];
        var builder = new StringBuilder(Convert.ToHexStringLower(shown));
        if (shown.Length < raw.Length)
        {
            builder.Append("...(+").Append(raw.Length - shown.Length).Append(" bytes)");
        }

        return builder.ToString();
    }
}
