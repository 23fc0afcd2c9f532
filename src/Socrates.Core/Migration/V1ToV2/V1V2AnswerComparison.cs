using Microsoft.Data.Sqlite;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.DualRun;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Pickle;
using Socrates.Core.Repositories;
using Socrates.Core.V1;
using Socrates.Core.V2;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// The dual-run comparison on a migrated database: V1's code on the V1 file against V2's code on
/// the migrated file, through <see cref="DualRunProjectRepository"/> (V1 primary, V2 shadow):
/// every project loaded, every user's project list read with and without archived projects, each
/// answer compared field by field. The projects the migration rejected (each with its reason in
/// <c>migration_rejects</c>) are taken out of a working copy of V1 first, so the answers are
/// compared on what was migrated; the V1 file itself is only read.
/// </summary>
public static class V1V2AnswerComparison
{
    /// <param name="v1Path">The V1 database the V2 file was migrated from (read only).</param>
    /// <param name="v2Path">The migrated V2 database.</param>
    /// <param name="workCopyPath">A new file for V1 without its rejected projects.</param>
    public static async Task<V1V2Answers> CompareAsync(string v1Path, string v2Path, string workCopyPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(v1Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(v2Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(workCopyPath);
        var rejected = await CopyWithoutRejectedProjectsAsync(v1Path, v2Path, workCopyPath, cancellationToken).ConfigureAwait(false);
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = workCopyPath, Pooling = false }.ToString() });
        await using var database = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = v2Path }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var dual = new DualRunProjectRepository(new V1ProjectRepository(store), new V2ProjectRepository(database));
        var projects = await ColumnAsync(workCopyPath, "SELECT project_id FROM projects ORDER BY project_id", cancellationToken).ConfigureAwait(false);
        var users = await ColumnAsync(workCopyPath, "SELECT username FROM users ORDER BY username", cancellationToken).ConfigureAwait(false);
        var failures = new List<string>();
        foreach (var project in projects)
        {
            await ReadAsync(failures, $"LoadProject {project}", () => dual.LoadProjectAsync(project, cancellationToken)).ConfigureAwait(false);
        }

        foreach (var user in users)
        {
            await ReadAsync(failures, $"GetUserProjects {user}", () => dual.GetUserProjectsAsync(user, false, cancellationToken)).ConfigureAwait(false);
            await ReadAsync(failures, $"GetUserProjects {user} (archived too)", () => dual.GetUserProjectsAsync(user, true, cancellationToken)).ConfigureAwait(false);
        }

        return new V1V2Answers(projects.Count, users.Count, rejected, dual.GetStatistics(), failures);
    }

    /// <summary>A V1 read that fails is an answer V1 could not give for a row the migration took: counted, not thrown.</summary>
    private static async Task ReadAsync<T>(List<string> failures, string what, Func<Task<T>> read)
    {
        try
        {
            await read().ConfigureAwait(false);
        }
        catch (Exception error) when (error is LegacyStoreException or PickleFormatException or DictMappingException)
        {
            failures.Add($"{what}: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>Copies V1 without the project rows the migration rejected; returns how many it took out.</summary>
    private static async Task<int> CopyWithoutRejectedProjectsAsync(string v1Path, string v2Path, string destination, CancellationToken cancellationToken)
    {
        File.Copy(v1Path, destination);
        List<string> rejected;
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v2Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await target.OpenAsync(cancellationToken).ConfigureAwait(false);
            rejected = [.. (await RejectLog.ReadAsync(target, V1Schema.Projects, int.MaxValue, cancellationToken).ConfigureAwait(false))
                .Select(r => r.EntityId)
                .Distinct(StringComparer.Ordinal)];
        }

        // Foreign keys off: a rejected project's notes and documents stay behind (nothing here reads
        // them), where V1's schema would refuse to delete a project that still has them.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false, ForeignKeys = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in rejected)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM projects WHERE project_id = $id";
            delete.Parameters.AddWithValue("$id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rejected.Count;
    }

    private static async Task<List<string>> ColumnAsync(string path, string query, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
