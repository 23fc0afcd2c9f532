using Socrates.Core.Domain;
using Socrates.Core.Repositories;

namespace Socrates.Core.Tests.DualRun;

/// <summary>Reads pass through; every write throws (a store that lost its disk, say).</summary>
internal sealed class FailingWritesRepository(IProjectRepository inner) : IProjectRepository
{
    public int WriteAttempts { get; private set; }

    public Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default) => FailAsync<bool>();

    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default) => FailAsync<bool>();

    public Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default) => FailAsync<bool>();

    public Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default) => FailAsync<bool>();

    public Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        inner.LoadProjectAsync(projectId, cancellationToken);

    public Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default) =>
        inner.GetProjectMessagesAsync(projectId, offset, limit, cancellationToken);

    public Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        inner.GetUserProjectsAsync(username, includeArchived, cancellationToken);

    private Task<T> FailAsync<T>()
    {
        WriteAttempts++;
        return Task.FromException<T>(new IOException("injected: the store's disk is gone"));
    }
}
