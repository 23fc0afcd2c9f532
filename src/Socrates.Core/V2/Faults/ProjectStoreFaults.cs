using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Failpoints;
using Socrates.Core.V2.Pooling;
using Socrates.Core.V2.Rows;
using Socrates.Core.V2.Store;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// The canaries of project loads and saves, as a decorator of the store: each call asks its
/// failpoint (one field read when none is on) and, off, hands the call to the plain store
/// unchanged. Every defect here is one a gate exists to catch (see <see cref="V2Failpoints"/>).
/// </summary>
internal sealed class ProjectStoreFaults(IProjectStore plain) : IProjectStore
{
    // The defect of v2.save.drop-field: the description never reaches the stored row.
    private const string DropDescription = "UPDATE project_details SET description = NULL WHERE project_id = $id;";

    public ProjectContext? LoadMetadata(PooledConnection connection, string projectId, CancellationToken token)
    {
        if (Failpoint.IsActive(V2Failpoints.ReadsExclusiveLock))
        {
            // The read takes the writer lock instead of a WAL snapshot: reads queue behind writes.
            return Transactions.Write(connection, token, tx => ProjectStore.ReadOne(connection, tx, projectId));
        }

        if (Failpoint.IsActive(V2Failpoints.LoadEagerHistory))
        {
            return LoadFull(connection, projectId, token); // lazy loading silently off
        }

        if (Failpoint.IsActive(V2Failpoints.LoadDelay))
        {
            V2Failpoints.SpinLoadDelay();
        }

        return plain.LoadMetadata(connection, projectId, token);
    }

    public ProjectContext? LoadFull(PooledConnection connection, string projectId, CancellationToken token)
    {
        if (!Failpoint.IsActive(V2Failpoints.LoadHistoryReread))
        {
            return plain.LoadFull(connection, projectId, token);
        }

        // Redundant queries: the history read again and again in the load's snapshot.
        return Transactions.Read(connection, token, tx =>
        {
            var project = ProjectStore.ReadOne(connection, tx, projectId);
            if (project is not null)
            {
                for (var i = 0; i < V2Failpoints.HistoryRereads; i++)
                {
                    ProjectStore.ReadHistory(connection, tx, projectId);
                }

                project.ConversationHistory = ProjectStore.ReadHistory(connection, tx, projectId);
                project.ConversationHistoryLoaded = true;
            }

            return project;
        });
    }

    public List<ProjectContext> LoadForUser(PooledConnection connection, string username, bool includeArchived)
    {
        if (Failpoint.IsActive(V2Failpoints.UserProjectsFilterInMemory))
        {
            return FilterInMemory(connection, username, includeArchived);
        }

        var projects = plain.LoadForUser(connection, username, includeArchived);
        if (Failpoint.IsActive(V2Failpoints.LoadEagerHistory))
        {
            // The N+1 defect: every listed project's history read too.
            foreach (var project in projects)
            {
                project.ConversationHistory = ProjectStore.ReadHistory(connection, null, project.ProjectId);
                project.ConversationHistoryLoaded = true;
            }
        }

        return projects;
    }

    public long Save(PooledConnection connection, SqliteTransaction transaction, ProjectContext project, ProjectJson json, long expected, CancellationToken token)
    {
        if (Failpoint.IsActive(V2Failpoints.SaveSkipVersionCheck))
        {
            expected = ProjectStore.StoredVersion(connection, transaction, project.ProjectId); // whatever is stored is taken as expected
        }

        var version = plain.Save(connection, transaction, project, json, expected, token);
        if (Failpoint.IsActive(V2Failpoints.SaveDropField))
        {
            connection.Command(DropDescription, transaction).With("$id", project.ProjectId).ExecuteNonQuery();
        }

        return version;
    }

    public long? Append(PooledConnection connection, SqliteTransaction transaction, string projectId, ConversationMessage message)
    {
        var position = plain.Append(connection, transaction, projectId, message);
        if (position is { } stored && Failpoint.IsActive(V2Failpoints.AppendTwice))
        {
            // A non-idempotent retry: the insert repeated after it succeeded, the message stored twice.
            ProjectStore.InsertMessage(connection, transaction, projectId, stored + 1, message);
        }

        return position;
    }

    // Every project's metadata read, the user's picked in memory: V1's shape without the unpickling.
    private static List<ProjectContext> FilterInMemory(PooledConnection connection, string username, bool includeArchived)
    {
        using var all = connection.Command(ProjectSql.Select + "ORDER BY p.created_at, p.project_id;").ExecuteReader();
        var visible = ProjectRows.Read(all)
            .Where(p => (p.Owner == username || p.Collaborators.Contains(username) || p.TeamMembers.Exists(t => t.Username == username))
                && (includeArchived || !p.IsArchived))
            .ToList();
        ProjectStore.SortForContract(visible);
        return visible;
    }
}
