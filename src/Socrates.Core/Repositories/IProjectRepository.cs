using Socrates.Core.Domain;

namespace Socrates.Core.Repositories;

/// <summary>
/// The application's view of project storage, in domain types. Every implementation (V1 blobs,
/// V2 tables, the cache over either, the dual-run comparator) gives the same answers to the same
/// calls: the feature flags that choose between them change speed, never answers.
/// </summary>
/// <remarks>
/// <para>Contract shared by all implementations:</para>
/// <list type="bullet">
/// <item><see cref="SaveProjectAsync"/> stores the whole project, replacing any stored one (V1's
/// <c>INSERT OR REPLACE</c>: last writer wins). A project loaded without its conversation history
/// (<see cref="ProjectContext.ConversationHistoryLoaded"/> false) keeps its stored messages.</item>
/// <item><see cref="LoadProjectAsync"/> returns the project or null. Implementations with lazy
/// message loading return it with <see cref="ProjectContext.ConversationHistoryLoaded"/> false and
/// an empty history; <see cref="GetProjectMessagesAsync"/> pages the messages in.</item>
/// <item><see cref="GetUserProjectsAsync"/> returns summaries (no conversation history) of the
/// projects a user can see, ordered by created_at then project id (ordinal); archived ones only
/// when asked. Every implementation applies V1's rule (the reference): a project is shown to its
/// owner, to the users in <c>collaborators</c> and to the users in <c>team_members</c>.</item>
/// <item><see cref="ArchiveProjectAsync"/> sets is_archived and archived_at (now, naive UTC, to the
/// microsecond); <see cref="RestoreProjectAsync"/> clears both. Both, and delete, return false
/// when the project does not exist.</item>
/// </list>
/// </remarks>
public interface IProjectRepository
{
    /// <summary>Stores <paramref name="project"/> (insert or replace).</summary>
    Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default);

    /// <summary>The project, or null when there is none.</summary>
    Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>A page of the project's conversation history (empty when absent or past the end).</summary>
    Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes the project; false when there was none.</summary>
    Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>Summaries of the user's projects (owned or collaborating), oldest first.</summary>
    Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default);

    /// <summary>Marks the project archived now; false when there is none.</summary>
    Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default);

    /// <summary>Clears the archived mark; false when there is none.</summary>
    Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default);
}
