using Socrates.Core.Domain;
using Socrates.Core.Repositories;

namespace Socrates.Core.Tests.Repositories;

/// <summary>
/// A decorator that counts inner loads and can hold the next load AFTER it has read the store
/// and BEFORE it returns, to force "a read that started before a write finishes after it".
/// </summary>
internal sealed class ControlledRepository(IProjectRepository inner) : IProjectRepository
{
    private TaskCompletionSource? _read;
    private TaskCompletionSource? _release;
    private TaskCompletionSource? _saveStarted;
    private TaskCompletionSource? _saveRelease;
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    /// <summary>The next load reads, signals the returned task, then waits for <see cref="Release"/>.</summary>
    public Task HoldNextLoadAsync()
    {
        _read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
#pragma warning disable VSTHRD003 // the test awaits a signal this decorator sets from the load it holds
        return _read.Task;
#pragma warning restore VSTHRD003
    }

    public void Release() => _release?.TrySetResult();

    /// <summary>The next save signals the returned task, then waits for <see cref="ReleaseSave"/> before writing.</summary>
    public Task HoldNextSaveAsync()
    {
        _saveStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _saveRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
#pragma warning disable VSTHRD003 // the test awaits a signal this decorator sets from the save it holds
        return _saveStarted.Task;
#pragma warning restore VSTHRD003
    }

    public void ReleaseSave() => _saveRelease?.TrySetResult();

    public async Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _loads);
        var value = await inner.LoadProjectAsync(projectId, cancellationToken);
        var read = Interlocked.Exchange(ref _read, null);
        if (read is not null)
        {
            read.SetResult();
            await _release!.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return value;
    }

    public async Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default)
    {
        var started = Interlocked.Exchange(ref _saveStarted, null);
        if (started is not null)
        {
            started.SetResult();
            await _saveRelease!.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        await inner.SaveProjectAsync(project, cancellationToken);
    }

    public Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default) =>
        inner.GetProjectMessagesAsync(projectId, offset, limit, cancellationToken);

    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        inner.DeleteProjectAsync(projectId, cancellationToken);

    public Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        inner.GetUserProjectsAsync(username, includeArchived, cancellationToken);

    public Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        inner.ArchiveProjectAsync(projectId, cancellationToken);

    public Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        inner.RestoreProjectAsync(projectId, cancellationToken);
}
