using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Pooling;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2.Store;

/// <summary>The project operations' SQL, as the schema intends it.</summary>
internal sealed class ProjectStore : IProjectStore
{
    public static readonly ProjectStore Instance = new();

    // The repositories' contract order for project lists: created_at, then project id ordinal.
    private static readonly Comparison<ProjectContext> s_contractOrder = static (a, b) =>
    {
        var byTime = a.CreatedAt.CompareTo(b.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.ProjectId, b.ProjectId);
    };

    private ProjectStore()
    {
    }

    public ProjectContext? LoadMetadata(PooledConnection connection, string projectId, CancellationToken token) =>
        ReadOne(connection, null, projectId); // one statement: a consistent snapshot on its own, no transaction needed

    public ProjectContext? LoadFull(PooledConnection connection, string projectId, CancellationToken token) =>
        Transactions.Read(connection, token, tx =>
        {
            var project = ReadOne(connection, tx, projectId);
            if (project is not null)
            {
                token.ThrowIfCancellationRequested();
                project.ConversationHistory = ReadHistory(connection, tx, projectId);
                project.ConversationHistoryLoaded = true;
            }

            return project;
        });

    public List<ProjectContext> LoadForUser(PooledConnection connection, string username, bool includeArchived)
    {
        List<ProjectContext> projects;
        using (var reader = connection.Command(ProjectSql.LoadForUser).With("$user", username).WithBool("$all", includeArchived).ExecuteReader())
        {
            projects = ProjectRows.Read(reader);
        }

        // SQLite orders TEXT by UTF-8 bytes, .NET's ordinal by UTF-16 code units: they disagree
        // when an id mixes supplementary characters with U+E000..U+FFFF. The SQL order is right
        // for every other id, so this sort almost always finds the list already in order.
        SortForContract(projects);
        return projects;
    }

    public long Save(PooledConnection connection, SqliteTransaction transaction, ProjectContext project, ProjectJson json, long expected, CancellationToken token)
    {
        var actual = StoredVersion(connection, transaction, project.ProjectId);
        if (actual != expected)
        {
            throw new ConcurrencyConflictException(nameof(AsyncProjectDatabase.SaveProjectAsync), project.ProjectId, expected, actual);
        }

        var next = actual + 1;
        var main = connection.Command(actual == 0 ? ProjectSql.Insert : ProjectSql.Update, transaction);
        ProjectRows.BindMain(main, project, next);
        main.ExecuteNonQuery();
        WriteChildren(connection, transaction, project, json, replaceMessages: project.ConversationHistoryLoaded || actual == 0, token);
        return next;
    }

    public long? Append(PooledConnection connection, SqliteTransaction transaction, string projectId, ConversationMessage message)
    {
        if (connection.Command(ProjectSql.BumpVersion, transaction).With("$id", projectId).ExecuteNonQuery() == 0)
        {
            transaction.Rollback();
            return null;
        }

        var position = (long)connection.Command(MessageSql.NextPosition, transaction).With("$id", projectId).ExecuteScalar()!;
        InsertMessage(connection, transaction, projectId, position, message);
        return position;
    }

    /// <summary>The stored version of the project, 0 when absent.</summary>
    public static long StoredVersion(PooledConnection connection, SqliteTransaction transaction, string projectId) =>
        connection.Command(ProjectSql.Version, transaction).With("$id", projectId).ExecuteScalar() as long? ?? 0;

    public static ProjectContext? ReadOne(PooledConnection connection, SqliteTransaction? transaction, string projectId)
    {
        using var reader = connection.Command(ProjectSql.LoadOne, transaction).With("$id", projectId).ExecuteReader();
        return ProjectRows.Read(reader).SingleOrDefault();
    }

    public static List<ConversationMessage> ReadHistory(PooledConnection connection, SqliteTransaction? transaction, string projectId) =>
        ReadMessages(connection.Command(MessageSql.All, transaction).With("$id", projectId));

    public static List<ConversationMessage> ReadMessages(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return MessageRows.ReadAll(reader);
    }

    public static void InsertMessage(PooledConnection connection, SqliteTransaction transaction, string projectId, long position, ConversationMessage message)
    {
        var insert = connection.Command(MessageSql.Insert, transaction);
        ProjectRows.BindMessage(insert, projectId, position, message);
        insert.ExecuteNonQuery();
    }

    public static void SortForContract(List<ProjectContext> projects) => projects.Sort(s_contractOrder);

    private static void WriteChildren(PooledConnection c, SqliteTransaction tx, ProjectContext p, ProjectJson json, bool replaceMessages, CancellationToken token)
    {
        var id = p.ProjectId;
        var details = c.Command(ProjectSql.UpsertDetails, tx);
        ProjectRows.BindDetails(details, p, json);
        details.ExecuteNonQuery();
        c.Command(ProjectSql.DeleteChildren, tx).With("$id", id).ExecuteNonQuery();
        InsertValues(c, tx, ProjectSql.InsertRequirement, id, p.Requirements);
        InsertValues(c, tx, ProjectSql.InsertTech, id, p.TechStack);
        InsertValues(c, tx, ProjectSql.InsertConstraint, id, p.Constraints);
        InsertValues(c, tx, ProjectSql.InsertCollaborator, id, p.Collaborators);
        for (var i = 0; i < p.TeamMembers.Count; i++)
        {
            var m = p.TeamMembers[i];
            c.Command(ProjectSql.InsertTeamMember, tx).With("$id", id).With("$position", (long)i).With("$username", m.Username)
                .With("$role", m.Role).With("$skills_json", SqlValues.StringsJson(m.Skills)).WithTime("$joined_at", m.JoinedAt)
                .WithJson("$extras_json", m.Extras).ExecuteNonQuery();
        }

        var position = 0L;
        foreach (var (phase, score) in p.PhaseMaturityScores)
        {
            c.Command(ProjectSql.InsertPhaseScore, tx).With("$id", id).With("$position", position++).With("$phase", phase).With("$score", score).ExecuteNonQuery();
        }

        position = 0L;
        foreach (var (phase, scores) in p.CategoryScores)
        {
            foreach (var (category, score) in scores)
            {
                c.Command(ProjectSql.InsertCategoryScore, tx).With("$id", id).With("$position", position++).With("$phase", phase)
                    .With("$category", category).With("$score", score).ExecuteNonQuery();
            }
        }

        if (replaceMessages)
        {
            token.ThrowIfCancellationRequested();
            c.Command(ProjectSql.DeleteMessages, tx).With("$id", id).ExecuteNonQuery();
            for (var i = 0; i < p.ConversationHistory.Count; i++)
            {
                InsertMessage(c, tx, id, i, p.ConversationHistory[i]);
            }
        }
    }

    private static void InsertValues(PooledConnection c, SqliteTransaction tx, string sql, string id, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            c.Command(sql, tx).With("$id", id).With("$position", (long)i).With("$value", values[i]).ExecuteNonQuery();
        }
    }
}
