using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.Domain.Values;
using Socrates.Core.V1;

namespace Socrates.Core.Repositories;

/// <summary>
/// The old path: <see cref="LegacyStore"/> (one pickled dict per project) through the dict
/// mappers. Archive and restore are read-modify-write of the whole blob, as the Python app did.
/// </summary>
public sealed class V1ProjectRepository(LegacyStore store, TimeProvider? timeProvider = null) : IProjectRepository
{
    private readonly LegacyStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var dict = ProjectContextDict.ToDict(project);
        if (!project.ConversationHistoryLoaded)
        {
            // Loaded without its messages: keep the stored ones (the contract), not the empty list.
            var stored = await _store.LoadProjectAsync(project.ProjectId, cancellationToken).ConfigureAwait(false);
            dict["conversation_history"] = stored is not null && stored.TryGetValue("conversation_history", out var history)
                ? history
                : new List<object?>();
        }

        await _store.SaveProjectAsync(project.ProjectId, dict, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var dict = await _store.LoadProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        return dict is null ? null : ProjectContextDict.FromDict(dict);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var project = await LoadProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        return project is null ? [] : project.ConversationHistory.Skip(offset).Take(limit).ToList();
    }

    /// <inheritdoc />
    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _store.DeleteProjectAsync(projectId, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        var dicts = await _store.GetUserProjectsAsync(username, cancellationToken).ConfigureAwait(false);
        return ProjectCopies.InContractOrder(dicts
            .Select(ProjectContextDict.FromDict)
            .Where(p => includeArchived || !p.IsArchived)
            .Select(ProjectCopies.AsSummary));
    }

    /// <inheritdoc />
    public Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        RewriteAsync(projectId, dict =>
        {
            dict["is_archived"] = true;
            dict["archived_at"] = PyDateTime.Normalize(_time.GetUtcNow().UtcDateTime);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        RewriteAsync(projectId, dict =>
        {
            dict["is_archived"] = false;
            dict["archived_at"] = null;
        }, cancellationToken);

    private async Task<bool> RewriteAsync(string projectId, Action<Dictionary<string, object?>> change, CancellationToken cancellationToken)
    {
        var dict = await _store.LoadProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        if (dict is null)
        {
            return false;
        }

        change(dict);
        await _store.SaveProjectAsync(projectId, dict, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
