using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Repositories;

namespace Socrates.Core.DualRun;

/// <summary>
/// Shadow reads and double writes: every read goes to the primary and the shadow side by side,
/// the two answers are compared field by field (<see cref="EntityComparer"/>), each differing
/// field is counted and logged with the entity id and the field path, and the PRIMARY's answer
/// is served. With <c>V2Reads</c> off the primary is V1 (the old system stays the source of
/// truth while V2 earns trust); with it on, V2 serves and V1 is the shadow.
/// </summary>
/// <remarks>
/// <para><b>Writes</b> go to the primary first. If the primary fails, its exception reaches the
/// caller and the shadow is not written (nothing committed, nothing to mirror). If the primary
/// commits and the shadow then fails (or is cancelled), the caller's write has succeeded (the
/// source of truth holds it), so no exception is thrown; instead the failure is counted
/// (<see cref="DualRunStatistics.ShadowWriteFailures"/>), logged at error level with the entity
/// id and the exception, and the entity is listed in
/// <see cref="DualRunStatistics.DivergentEntities"/> until a later write reaches both stores.
/// Reads of such an entity keep being compared, so the divergence also shows as mismatches.
/// Never silent: a dashboard on these counters, or the gate on them, sees it.</para>
/// <para><b>Reads</b>: a failing primary read fails the call (the shadow's answer is never served).
/// A failing shadow read is counted and logged, and the primary's answer is served uncompared.
/// When either side loaded a project without its messages (lazy loading), the conversation
/// history is not compared (one side did not read it); everything else is.</para>
/// </remarks>
public sealed class DualRunProjectRepository : IProjectRepository
{
    /// <summary>How many mismatches <see cref="GetStatistics"/> keeps for reports.</summary>
    public const int MaxKeptMismatches = 100;

    private const string HistoryField = nameof(ProjectContext.ConversationHistory);

    private readonly IProjectRepository _primary;
    private readonly IProjectRepository _shadow;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _divergent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DualRunMismatch> _first = new();

    private long _compared;
    private long _mismatches;
    private long _mismatchedFields;
    private long _shadowReadFailures;
    private long _shadowWriteFailures;

    /// <summary>Serves and writes first through <paramref name="primary"/>; mirrors to and compares with <paramref name="shadow"/>.</summary>
    public DualRunProjectRepository(IProjectRepository primary, IProjectRepository shadow, ILogger<DualRunProjectRepository>? logger = null)
    {
        _primary = primary ?? throw new ArgumentNullException(nameof(primary));
        _shadow = shadow ?? throw new ArgumentNullException(nameof(shadow));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The repository whose answers are served.</summary>
    public IProjectRepository Primary => _primary;

    /// <summary>The repository compared against.</summary>
    public IProjectRepository Shadow => _shadow;

    /// <summary>Compared answers that differed (the headline counter).</summary>
    public long Mismatches => Interlocked.Read(ref _mismatches);

    /// <inheritdoc />
    public Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        ReadBothAsync("LoadProject", projectId, r => r.LoadProjectAsync(projectId, cancellationToken), (p, s) =>
        {
            var skipHistory = p is { ConversationHistoryLoaded: false } || s is { ConversationHistoryLoaded: false };
            return Differences(p, s, projectId, skipHistory);
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default) =>
        ReadBothAsync("GetProjectMessages", projectId, r => r.GetProjectMessagesAsync(projectId, offset, limit, cancellationToken),
            (p, s) => Differences(p, s, projectId, skipHistory: false, root: $"messages[{offset}..]"));

    /// <inheritdoc />
    public Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        ReadBothAsync("GetUserProjects", username, r => r.GetUserProjectsAsync(username, includeArchived, cancellationToken), (p, s) =>
        {
            var primaryIds = p.Select(x => x.ProjectId).ToList();
            var shadowIds = s.Select(x => x.ProjectId).ToList();
            if (!primaryIds.SequenceEqual(shadowIds, StringComparer.Ordinal))
            {
                return [(username, "ProjectIds", $"primary [{string.Join(", ", primaryIds)}], shadow [{string.Join(", ", shadowIds)}]")];
            }

            var found = new List<(string, string, string)>();
            for (var i = 0; i < p.Count; i++)
            {
                found.AddRange(Differences(p[i], s[i], p[i].ProjectId, skipHistory: true));
            }

            return found;
        });

    /// <inheritdoc />
    public Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        return WriteBothAsync("SaveProject", project.ProjectId, async r =>
        {
            await r.SaveProjectAsync(project, cancellationToken).ConfigureAwait(false);
            return true;
        });
    }

    /// <inheritdoc />
    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        WriteBothAsync("DeleteProject", projectId, r => r.DeleteProjectAsync(projectId, cancellationToken));

    /// <inheritdoc />
    public Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        WriteBothAsync("ArchiveProject", projectId, r => r.ArchiveProjectAsync(projectId, cancellationToken));

    /// <inheritdoc />
    public Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        WriteBothAsync("RestoreProject", projectId, r => r.RestoreProjectAsync(projectId, cancellationToken));

    /// <summary>A snapshot of the counters.</summary>
    public DualRunStatistics GetStatistics() => new(
        Interlocked.Read(ref _compared),
        Interlocked.Read(ref _mismatches),
        Interlocked.Read(ref _mismatchedFields),
        Interlocked.Read(ref _shadowReadFailures),
        Interlocked.Read(ref _shadowWriteFailures),
        _divergent.Keys.Order(StringComparer.Ordinal).ToList(),
        _first.ToArray());

    private static List<(string EntityId, string Path, string Detail)> Differences(
        object? primary, object? shadow, string entityId, bool skipHistory, string root = "")
    {
        var found = new List<(string, string, string)>();
        foreach (var line in EntityComparer.Diff(primary, shadow, root))
        {
            var split = line.IndexOf(": ", StringComparison.Ordinal);
            var path = split < 0 ? line : line[..split];
            if (skipHistory && path.StartsWith(HistoryField, StringComparison.Ordinal))
            {
                continue;
            }

            found.Add((entityId, path, split < 0 ? string.Empty : line[(split + 2)..]));
        }

        return found;
    }

    private async Task<T> ReadBothAsync<T>(
        string operation,
        string entityId,
        Func<IProjectRepository, Task<T>> read,
        Func<T, T, List<(string EntityId, string Path, string Detail)>> compare)
    {
        var primaryTask = read(_primary);
        var shadowTask = read(_shadow);
        T? shadowAnswer = default;
        var shadowAnswered = false;
        try
        {
            shadowAnswer = await shadowTask.ConfigureAwait(false);
            shadowAnswered = true;
        }
        catch (Exception error)
        {
            Interlocked.Increment(ref _shadowReadFailures);
            DualRunLog.ShadowReadFailed(_logger, error, operation, entityId);
        }

        var answer = await primaryTask.ConfigureAwait(false);
        if (shadowAnswered)
        {
            Interlocked.Increment(ref _compared);
            Record(operation, compare(answer, shadowAnswer!));
        }

        return answer;
    }

    private async Task<T> WriteBothAsync<T>(string operation, string entityId, Func<IProjectRepository, Task<T>> write)
    {
        // The primary is the source of truth: its failure is the caller's failure, and the
        // shadow is not written (there is nothing committed to mirror).
        var result = await write(_primary).ConfigureAwait(false);
        try
        {
            var shadowResult = await write(_shadow).ConfigureAwait(false);
            _divergent.TryRemove(entityId, out _);
            if (!EqualityComparer<T>.Default.Equals(result, shadowResult))
            {
                Record(operation, [(entityId, "(result)", $"primary {result}, shadow {shadowResult}")]);
            }
        }
        catch (Exception error)
        {
            // The primary committed: the caller's write succeeded. Counted, logged, listed; not thrown.
            Interlocked.Increment(ref _shadowWriteFailures);
            _divergent.TryAdd(entityId, 0);
            DualRunLog.ShadowWriteFailed(_logger, error, operation, entityId);
        }

        return result;
    }

    private void Record(string operation, List<(string EntityId, string Path, string Detail)> differences)
    {
        if (differences.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _mismatches);
        Interlocked.Add(ref _mismatchedFields, differences.Count);
        foreach (var (entityId, path, detail) in differences)
        {
            DualRunLog.Mismatch(_logger, operation, entityId, path, detail);
            if (_first.Count < MaxKeptMismatches)
            {
                _first.Enqueue(new DualRunMismatch(operation, entityId, path, detail));
            }
        }
    }
}
