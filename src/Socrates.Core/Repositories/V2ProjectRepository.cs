using Socrates.Core.Domain;
using Socrates.Core.Repositories.Faults;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;

namespace Socrates.Core.Repositories;

/// <summary>
/// The new path: <see cref="AsyncProjectDatabase"/>. With <paramref name="lazyMessages"/> a load
/// reads the project without its conversation history (one statement, no message rows);
/// the caller pages messages in with <see cref="GetProjectMessagesAsync"/>.
/// </summary>
/// <remarks>
/// V2 saves are optimistic (a stored version must match); the facade's contract is V1's
/// last-writer-wins, so a save reads the stored version and saves against it, retrying up to
/// <see cref="SaveAttempts"/> times when another writer got in between; after that the
/// <see cref="ConcurrencyConflictException"/> reaches the caller.
/// </remarks>
public sealed class V2ProjectRepository(AsyncProjectDatabase database, bool lazyMessages = false) : IProjectRepository
{
    /// <summary>Attempts of a save against concurrent writers before the conflict is reported.</summary>
    public const int SaveAttempts = 5;

    private readonly AsyncProjectDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>True when loads skip the conversation history.</summary>
    public bool LazyMessages { get; } = lazyMessages;

    /// <inheritdoc />
    public async Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _database.GetProjectVersionAsync(project.ProjectId, cancellationToken).ConfigureAwait(false);
            try
            {
                await _database.SaveProjectAsync(project, stored ?? 0, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // Another writer committed between the version read and the save: read again.
            }
        }
    }

    /// <inheritdoc />
    public async Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var project = await _database.LoadProjectAsync(projectId, LazyMessages ? ProjectLoad.Metadata : ProjectLoad.Full, cancellationToken)
            .ConfigureAwait(false);
        return AnswerFaults.LoadedFromV2(project);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default) =>
        await _database.GetProjectMessagesAsync(projectId, offset, limit, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _database.DeleteProjectAsync(projectId, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        var projects = await _database.GetUserProjectsAsync(username, includeArchived, cancellationToken).ConfigureAwait(false);
        return projects.Select(ProjectCopies.AsSummary).ToList();
    }

    /// <inheritdoc />
    public Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _database.ArchiveProjectAsync(projectId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _database.RestoreProjectAsync(projectId, cancellationToken);
}
