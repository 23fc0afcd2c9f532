using Socrates.Core.Caching;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Failpoints;
using Socrates.Core.Repositories;
using Socrates.Core.Resilience;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.Repositories;

/// <summary>The cached project repository over the real V2 database.</summary>
[Trait("Category", "Unit")]
public sealed class CachedProjectRepositoryTests
{
    [Fact]
    public async Task LoadProject_SecondRead_ServedFromCacheWithoutTouchingTheDatabase()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var inner = new ControlledRepository(new V2ProjectRepository(stores.V2));
        var cached = new CachedProjectRepository(inner);
        var project = new SocratesDataGenerator(1).Project("alice", ProjectShape.Small);
        await cached.SaveProjectAsync(project);

        var first = await cached.LoadProjectAsync(project.ProjectId);
        var second = await cached.LoadProjectAsync(project.ProjectId);

        Assert.Equal(1, inner.Loads);
        Assert.Empty(EntityComparer.Diff(project, first));
        Assert.Empty(EntityComparer.Diff(project, second));
        Assert.NotSame(first, second);
        Assert.Equal(1, cached.GetStatistics().Cache.Hits);
    }

    [Fact]
    public async Task LoadProject_CallerEditsItsCopy_CacheKeepsServingTheStoredValue()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var cached = new CachedProjectRepository(new V2ProjectRepository(stores.V2));
        var project = new SocratesDataGenerator(2).Project("alice", ProjectShape.Small);
        await cached.SaveProjectAsync(project);

        var copy = (await cached.LoadProjectAsync(project.ProjectId))!;
        copy.Description = "edited but never saved";
        copy.Requirements.Add("a requirement never saved");
        ((List<object?>)copy.CodeHistory).Clear();

        Assert.Empty(EntityComparer.Diff(project, await cached.LoadProjectAsync(project.ProjectId)));
    }

    [Fact]
    public async Task SaveProject_AfterCommit_NextReadSeesTheNewValue()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var cached = new CachedProjectRepository(new V2ProjectRepository(stores.V2));
        var project = new SocratesDataGenerator(3).Project("alice", ProjectShape.Small);
        await cached.SaveProjectAsync(project);
        var loaded = (await cached.LoadProjectAsync(project.ProjectId))!;

        loaded.Description = "second revision";
        await cached.SaveProjectAsync(loaded);
        Assert.Equal("second revision", (await cached.LoadProjectAsync(project.ProjectId))!.Description);

        Assert.True(await cached.ArchiveProjectAsync(project.ProjectId));
        Assert.True((await cached.LoadProjectAsync(project.ProjectId))!.IsArchived);
        Assert.True(await cached.RestoreProjectAsync(project.ProjectId));
        Assert.False((await cached.LoadProjectAsync(project.ProjectId))!.IsArchived);
        Assert.True(await cached.DeleteProjectAsync(project.ProjectId));
        Assert.Null(await cached.LoadProjectAsync(project.ProjectId));
    }

    [Fact]
    public async Task LoadProject_StartedBeforeWriteFinishedAfter_OldValueIsNotInstalled()
    {
        var outcome = await RunReadAcrossWriteAsync();

        Assert.Equal("old", outcome.OverlappingRead);
        Assert.Equal("new", outcome.NextRead);
        Assert.False(outcome.OldValueCached);
    }

    [Fact]
    public async Task LoadProject_StartedBeforeWriteFinishedAfter_SkipInvalidationCanary_InstallsTheOldValue()
    {
        (string OverlappingRead, string NextRead, bool OldValueCached) outcome;
        using (Failpoint.Enable(CacheFailpoints.SkipInvalidationOnWrite))
        {
            outcome = await RunReadAcrossWriteAsync();
        }

        Assert.Equal("old", outcome.NextRead);
        Assert.True(outcome.OldValueCached);
    }

    [Fact]
    public async Task InvalidateProjectCache_AfterOutOfBandChange_NextReadSeesTheDatabase()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var direct = new V2ProjectRepository(stores.V2);
        var cached = new CachedProjectRepository(direct);
        var a = new SocratesDataGenerator(4).Project("alice", ProjectShape.Small);
        var b = new SocratesDataGenerator(5).Project("alice", ProjectShape.Small);
        await cached.SaveProjectAsync(a);
        await cached.SaveProjectAsync(b);
        await cached.LoadProjectAsync(a.ProjectId);
        await cached.LoadProjectAsync(b.ProjectId);

        a.Description = "changed behind the cache";
        b.Description = "also changed behind the cache";
        await direct.SaveProjectAsync(a);
        await direct.SaveProjectAsync(b);
        Assert.Equal(2, (await cached.ReconcileAsync()).Divergences);

        cached.InvalidateProjectCache(a.ProjectId);
        Assert.Equal("changed behind the cache", (await cached.LoadProjectAsync(a.ProjectId))!.Description);
        Assert.Equal(1, (await cached.ReconcileAsync()).Divergences);
        cached.InvalidateAllProjects();
        Assert.Equal("also changed behind the cache", (await cached.LoadProjectAsync(b.ProjectId))!.Description);
        Assert.Equal(0, (await cached.ReconcileAsync()).Divergences);
        Assert.Equal(0, cached.GetStatistics().LastReconciliationDivergences);
    }

    [Fact]
    public async Task GetUserProjects_NotCached_ReflectsEveryWriteAtOnce()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var cached = new CachedProjectRepository(new V2ProjectRepository(stores.V2));
        var project = new SocratesDataGenerator(6).Project("alice", ProjectShape.Small);
        project.IsArchived = false;
        await cached.SaveProjectAsync(project);
        Assert.Single(await cached.GetUserProjectsAsync("alice"));

        project.Owner = "bob";
        project.Collaborators = [];
        project.TeamMembers = []; // alice was the first team member: still a member, she would still see it
        await cached.SaveProjectAsync(project);

        Assert.Empty(await cached.GetUserProjectsAsync("alice"));
        Assert.Single(await cached.GetUserProjectsAsync("bob"));
    }

    [Fact]
    public async Task LoadProject_BreakerOpen_CachedServedMarkedDegradedUncachedFailsFast()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var breaker = new StorageCircuitBreaker(new StorageCircuitBreakerOptions
        {
            MinimumThroughput = 2,
            FailureRatio = 0.5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
            TimeProvider = stores.Time,
        });
        var cached = new CachedProjectRepository(new V2ProjectRepository(stores.V2), new CachedProjectRepositoryOptions { Breaker = breaker });
        var generator = new SocratesDataGenerator(7);
        var warm = generator.Project("alice", ProjectShape.Small);
        var cold = generator.Project("alice", ProjectShape.Small);
        await cached.SaveProjectAsync(warm);
        await cached.SaveProjectAsync(cold);
        Assert.False((await cached.ReadProjectAsync(warm.ProjectId))!.FromCacheWhileDegraded);

        using (Failpoint.Enable(ResilienceFailpoints.StorageFail))
        {
            // The outage: storage calls fail until the breaker has seen enough of them to open.
            await Assert.ThrowsAsync<FailpointException>(() => cached.LoadProjectAsync(cold.ProjectId));
            for (var i = 0; i < 10 && breaker.State != Polly.CircuitBreaker.CircuitState.Open; i++)
            {
                await Assert.ThrowsAsync<FailpointException>(() => cached.LoadProjectAsync(cold.ProjectId));
            }
        }

        Assert.Equal(Polly.CircuitBreaker.CircuitState.Open, breaker.State);
        var storageCallsWhenOpened = breaker.GetStatistics().StorageCalls;

        var degraded = await cached.ReadProjectAsync(warm.ProjectId);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => cached.ReadProjectAsync(cold.ProjectId));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => cached.GetUserProjectsAsync("alice"));

        Assert.NotNull(degraded);
        Assert.True(degraded.FromCacheWhileDegraded);
        Assert.Empty(EntityComparer.Diff(warm, degraded.Value));
        Assert.Equal(storageCallsWhenOpened, breaker.GetStatistics().StorageCalls);
        Assert.Equal(1, cached.GetStatistics().DegradedServes);
    }

    private static async Task<(string OverlappingRead, string NextRead, bool OldValueCached)> RunReadAcrossWriteAsync()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var inner = new ControlledRepository(new V2ProjectRepository(stores.V2));
        var cached = new CachedProjectRepository(inner);
        var project = new SocratesDataGenerator(8).Project("alice", ProjectShape.Small);
        project.Description = "old";
        await cached.SaveProjectAsync(project);

        var readDone = inner.HoldNextLoadAsync();
        var overlapping = cached.LoadProjectAsync(project.ProjectId);
        await readDone;
        project.Description = "new";
        await cached.SaveProjectAsync(project);
        inner.Release();
        var overlappingRead = (await overlapping)!.Description!;

        var oldCached = cached.Cache.TryPeek(project.ProjectId, out var entry) && entry.Description == "old";
        var next = (await cached.LoadProjectAsync(project.ProjectId))!.Description!;
        return (overlappingRead, next, oldCached);
    }
}
