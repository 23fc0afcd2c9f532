using Socrates.Core.Caching;
using Socrates.Core.Domain;
using Socrates.Core.Repositories.Faults;
using Socrates.Core.Resilience;

namespace Socrates.Core.Repositories;

/// <summary>
/// Read-through cache of whole projects over another repository (V2 in production), built on
/// <see cref="CachedRepository{TKey, TValue}"/>: a load installs only if no write touched the
/// project while it ran; every write invalidates the project before it starts and again after it
/// commits (with compensation if that fails). Callers always get their own deep copy, so a
/// caller editing what it loaded cannot change what the cache serves.
/// </summary>
/// <remarks>
/// <para><b>User project lists are not cached.</b> Invalidating them correctly would need every
/// user a write affects, including the owner and collaborators the project had <i>before</i> the
/// write (a save that changes the owner or drops a collaborator must invalidate those users too),
/// so each write would first read the old row, and a missed user is a stale list served until it
/// expires (CACHE-STALE). The V2 query is one indexed statement (owner index plus the
/// collaborators table), so the cache would buy little for that risk. Lists and message pages go
/// straight to the inner repository, through the breaker when there is one.</para>
/// <para><b>Degradation.</b> With a <see cref="CachedProjectRepositoryOptions.Breaker"/>, every read
/// of the inner repository runs through it. While the circuit is not closed, a cached project is
/// served marked <see cref="CachedResult{T}.FromCacheWhileDegraded"/> (see
/// <see cref="ReadProjectAsync"/>) and a miss fails at once with
/// <see cref="StorageUnavailableException"/>. A poisoned key (its invalidation failed) is never
/// served from the cache, degraded or not.</para>
/// </remarks>
public sealed class CachedProjectRepository : IProjectRepository
{
    private readonly IProjectRepository _inner;
    private readonly StorageCircuitBreaker? _breaker;
    private readonly CachedRepository<string, ProjectContext> _repository;
    private readonly DegradableReader<string, ProjectContext>? _degradable;
    private int _lastDivergences = -1;

    /// <summary>Creates the cache over <paramref name="inner"/>; throws <see cref="CacheOptionsException"/> on invalid options.</summary>
    public CachedProjectRepository(IProjectRepository inner, CachedProjectRepositoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        options ??= new CachedProjectRepositoryOptions();
        options.Validate();
        _inner = inner;
        _breaker = options.Breaker;
        var cache = new BoundedCache<string, ProjectContext>(options.Cache);
        _repository = new CachedRepository<string, ProjectContext>(cache, LoadThroughBreakerAsync, new CachedRepositoryOptions<ProjectContext>
        {
            InvalidationRetries = options.InvalidationRetries,
            ValueComparer = ProjectEqualityComparer.Instance,
        });
        if (_breaker is not null)
        {
            _degradable = new DegradableReader<string, ProjectContext>(cache, _breaker, inner.LoadProjectAsync);
        }
    }

    /// <summary>The repository the cache reads through and writes to.</summary>
    public IProjectRepository Inner => _inner;

    /// <summary>The cache underneath (statistics, inspection in tests).</summary>
    public BoundedCache<string, ProjectContext> Cache => _repository.Cache;

    /// <summary>
    /// The project with how it was served: <see cref="CachedResult{T}.FromCacheWhileDegraded"/> is
    /// true when the storage breaker was open and the value came from the cache unconfirmed.
    /// Null when there is no such project. Throws <see cref="StorageUnavailableException"/> when
    /// the breaker is open and the project is not cached.
    /// </summary>
    public async Task<CachedResult<ProjectContext>?> ReadProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        if (_degradable is not null && _breaker!.IsDegraded && !_repository.IsPoisoned(projectId))
        {
            var degraded = await _degradable.ReadAsync(projectId, cancellationToken).ConfigureAwait(false);
            return degraded is null ? null : degraded with { Value = Serve(degraded.Value) };
        }

        var value = await _repository.ReadAsync(projectId, cancellationToken).ConfigureAwait(false);
        return value is null ? null : new CachedResult<ProjectContext>(Serve(value), FromCacheWhileDegraded: false);
    }

    /// <inheritdoc />
    public async Task<ProjectContext?> LoadProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        (await ReadProjectAsync(projectId, cancellationToken).ConfigureAwait(false))?.Value;

    /// <inheritdoc />
    public Task SaveProjectAsync(ProjectContext project, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        return _repository.WriteAsync(project.ProjectId, ct => _inner.SaveProjectAsync(project, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _repository.WriteAsync(projectId, ct => _inner.DeleteProjectAsync(projectId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _repository.WriteAsync(projectId, ct => _inner.ArchiveProjectAsync(projectId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        _repository.WriteAsync(projectId, ct => _inner.RestoreProjectAsync(projectId, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        ThroughBreakerAsync(ct => _inner.GetUserProjectsAsync(username, includeArchived, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationMessage>> GetProjectMessagesAsync(string projectId, int offset, int limit, CancellationToken cancellationToken = default) =>
        ThroughBreakerAsync(ct => _inner.GetProjectMessagesAsync(projectId, offset, limit, ct), cancellationToken);

    /// <summary>Drops the cached project (after an out-of-band change to the database).</summary>
    public void InvalidateProjectCache(string projectId)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        _repository.Cache.Invalidate(projectId);
    }

    /// <summary>Drops every cached project.</summary>
    public void InvalidateAllProjects() => _repository.Cache.InvalidateAll();

    /// <summary>
    /// Compares every cached project with what the inner repository holds now (read directly, not
    /// through the cache). <see cref="ReconciliationReport{TKey}.Divergences"/> counts cached
    /// entries that would be served and differ; it is kept as
    /// <see cref="CachedProjectRepositoryStatistics.LastReconciliationDivergences"/>.
    /// Run it while no writes are in flight, or an in-flight write shows as a divergence.
    /// </summary>
    public async Task<ReconciliationReport<string>> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var truth = new List<(string, ProjectContext?)>();
        foreach (var key in _repository.Cache.SnapshotKeys())
        {
            truth.Add((key, await _inner.LoadProjectAsync(key, cancellationToken).ConfigureAwait(false)));
        }

        var report = _repository.Reconcile(truth);
        Volatile.Write(ref _lastDivergences, report.Divergences);
        return report;
    }

    /// <summary>A snapshot of the counters.</summary>
    public CachedProjectRepositoryStatistics GetStatistics() => new(
        _repository.Cache.GetStatistics(),
        _repository.GetStatistics(),
        _degradable?.DegradedServes ?? 0,
        Volatile.Read(ref _lastDivergences));

    private static ProjectContext Serve(ProjectContext cached) => AnswerFaults.ServedFromCache(ProjectCopies.DeepCopy(cached));

    private Task<ProjectContext?> LoadThroughBreakerAsync(string projectId, CancellationToken cancellationToken) =>
        ThroughBreakerAsync(ct => _inner.LoadProjectAsync(projectId, ct), cancellationToken);

    private async Task<T> ThroughBreakerAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        _breaker is null
            ? await read(cancellationToken).ConfigureAwait(false)
            : await _breaker.ExecuteAsync(ct => new ValueTask<T>(read(ct)), cancellationToken).ConfigureAwait(false);
}
