using Microsoft.Data.Sqlite;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// The validators a V2 database file must pass after a concurrent stress run, each problem
/// reported as one readable line: SQLite's <c>integrity_check</c> (pages, indexes) and
/// <c>foreign_key_check</c> (orphans), and the conversation ledger: each project's message
/// positions run 0..n-1 without a gap, and every stored message is one the run wrote and had
/// acknowledged, exactly once (a duplicated or phantom row is corruption even when SQLite's own
/// checks are clean). Open the file once the database that wrote it is closed.
/// </summary>
public static class StoreIntegrityValidator
{
    /// <summary>SQLite's page and foreign-key checks.</summary>
    public static List<string> CheckSqlite(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var problems = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA integrity_check;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add("integrity_check: " + line);
                }
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA foreign_key_check;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                problems.Add($"foreign_key_check: {reader.GetString(0)} row {reader.GetValue(1)} points at a missing {reader.GetString(2)}");
            }
        }

        return problems;
    }

    /// <summary>
    /// The conversation ledger of <paramref name="projectIds"/>. <paramref name="acknowledged"/>:
    /// the contents of acknowledged appends per project (each content unique in the run);
    /// <paramref name="indeterminate"/>: contents of appends that failed in a way that may or may
    /// not have committed (stored once or not at all, both fine).
    /// </summary>
    public static List<string> CheckMessageLedger(
        SqliteConnection connection,
        IEnumerable<string> projectIds,
        IReadOnlyDictionary<string, HashSet<string>> acknowledged,
        IReadOnlySet<string> indeterminate)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(projectIds);
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(indeterminate);
        var problems = new List<string>();
        foreach (var projectId in projectIds)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT position, content FROM conversation_messages WHERE project_id = $id ORDER BY position;";
            command.Parameters.AddWithValue("$id", projectId);
            using var reader = command.ExecuteReader();
            var expected = acknowledged.GetValueOrDefault(projectId) ?? [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long next = 0;
            while (reader.Read())
            {
                var position = reader.GetInt64(0);
                var content = reader.IsDBNull(1) ? "" : reader.GetString(1);
                if (position != next)
                {
                    problems.Add($"{projectId}: message position {position} where {next} was due (a gap)");
                }

                next = position + 1;
                if (!seen.Add(content))
                {
                    problems.Add($"{projectId}: message \"{content}\" stored twice (again at position {position})");
                }
                else if (!expected.Contains(content) && !indeterminate.Contains(content))
                {
                    problems.Add($"{projectId}: message \"{content}\" at position {position} was never acknowledged for this project");
                }
            }

            foreach (var missing in expected.Where(c => !seen.Contains(c)))
            {
                problems.Add($"{projectId}: acknowledged message \"{missing}\" is not stored");
            }
        }

        return problems;
    }
}
