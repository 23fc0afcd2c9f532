using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2.Pooling;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2.Store;

/// <summary>
/// The SQL behind the project operations, on a leased connection: the seam where the canaries
/// of project loads and saves are composed (<see cref="Faults.ProjectStoreFaults"/>), so the
/// database's operations read as plain code.
/// </summary>
internal interface IProjectStore
{
    /// <summary>The project's row without its conversation history, or null.</summary>
    ProjectContext? LoadMetadata(PooledConnection connection, string projectId, CancellationToken token);

    /// <summary>The project with its conversation history, in one snapshot, or null.</summary>
    ProjectContext? LoadFull(PooledConnection connection, string projectId, CancellationToken token);

    /// <summary>The projects <paramref name="username"/> can see, in the repositories' contract order.</summary>
    List<ProjectContext> LoadForUser(PooledConnection connection, string username, bool includeArchived);

    /// <summary>Writes the project and its children if the stored version is <paramref name="expected"/>; returns the new version.</summary>
    long Save(PooledConnection connection, SqliteTransaction transaction, ProjectContext project, ProjectJson json, long expected, CancellationToken token);

    /// <summary>Appends a message at the end of the conversation and bumps the version; its position, or null when the project is absent.</summary>
    long? Append(PooledConnection connection, SqliteTransaction transaction, string projectId, ConversationMessage message);
}
