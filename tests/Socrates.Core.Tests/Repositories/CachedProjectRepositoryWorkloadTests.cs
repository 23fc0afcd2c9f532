using Socrates.Core.Caching;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Failpoints;
using Socrates.Core.Repositories;
using Socrates.Testing.Generators;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Repositories;

/// <summary>
/// Workloads through the cached repository over the real V2 database, each read checked against
/// the database read directly: <c>cache.repository_stale_reads</c>; and reconciliation after
/// injected invalidation failures: <c>cache.repository_reconciliation_divergence</c>.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CachedProjectRepositoryWorkloadTests
{
    private const int Projects = 8;
    private const int Operations = 400;
    private const int Seed = 20_261_122;

    [Fact]
    public async Task Workload_EveryReadComparedWithTheDatabase_NoStaleReads()
    {
        var result = await RunStaleReadWorkloadAsync();

        var evidence = MetricsWriter.WriteEvidence("unit", "cache-repository-stale-reads.json", result);
        MetricsWriter.Write("unit", "cache.repository_stale_reads", result.StaleReads, "count", evidence);

        Assert.Equal(0, result.StaleReads);
        Assert.True(result.Reads > 100 && result.Writes > 100, "the workload did too little to prove anything");
        Assert.True(result.CacheHits > 0, "the cache was never hit: the reads proved nothing about it");
    }

    [Fact]
    public async Task Workload_SkipInvalidationCanary_StaleReadsFound()
    {
        StaleReadResult result;
        using (Failpoint.Enable(CacheFailpoints.SkipInvalidationOnWrite))
        {
            result = await RunStaleReadWorkloadAsync();
        }

        Assert.True(result.StaleReads > 0, "writes that do not invalidate must leave stale reads");
    }

    [Fact]
    public async Task Reconcile_InvalidationFailsOnceDuringOverlappingReads_CompensationLeavesNoDivergence()
    {
        var result = await RunReconciliationAsync(CacheFailpoints.InvalidationFailsOnce);

        var evidence = MetricsWriter.WriteEvidence("unit", "cache-repository-reconciliation.json", result);
        MetricsWriter.Write("unit", "cache.repository_reconciliation_divergence", result.Divergences, "count", evidence);

        Assert.Equal(0, result.Divergences);
        Assert.Equal(result.Rounds, result.Cached);
        Assert.Equal(result.Rounds, result.Compensations);
        Assert.Equal(result.Rounds, result.RecoveredByRetry);
        Assert.Equal(0, result.WriteErrors);
    }

    [Fact]
    public async Task Reconcile_NoCompensationCanary_DivergenceFound()
    {
        var result = await RunReconciliationAsync(CacheFailpoints.InvalidationFailsNoCompensation);

        Assert.True(result.Divergences > 0, "an uncompensated invalidation failure must leave the overlapping read's entry");
        Assert.Equal(result.Rounds, result.WriteErrors);
    }

    private static async Task<StaleReadResult> RunStaleReadWorkloadAsync()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var truth = new V2ProjectRepository(stores.V2);
        var cached = new CachedProjectRepository(new V2ProjectRepository(stores.V2));
        var generator = new SocratesDataGenerator(Seed);
        var random = new Random(Seed);
        var ids = new List<string>();
        for (var i = 0; i < Projects; i++)
        {
            var project = generator.Project($"user{i % 3}", ProjectShape.Small);
            ids.Add(project.ProjectId);
            await cached.SaveProjectAsync(project);
        }

        int reads = 0, writes = 0, stale = 0;
        var examples = new List<string>();
        for (var op = 0; op < Operations; op++)
        {
            var id = ids[random.Next(ids.Count)];
            switch (random.Next(6))
            {
                case 0 or 1:
                    // Read twice as often as each kind of write: a realistic read-mostly mix.
                    reads++;
                    var served = await cached.LoadProjectAsync(id);
                    var stored = await truth.LoadProjectAsync(id);
                    var diff = EntityComparer.Diff(stored, served);
                    if (diff.Count > 0)
                    {
                        stale++;
                        if (examples.Count < 5)
                        {
                            examples.Add($"op {op}, {id}: {diff[0]}");
                        }
                    }

                    break;
                case 2:
                    writes++;
                    var loaded = await cached.LoadProjectAsync(id);
                    var next = loaded ?? generator.Project("user0", ProjectShape.Small);
                    next.ProjectId = id;
                    next.Description = $"revision {op}";
                    next.Requirements.Add($"requirement added by op {op}");
                    await cached.SaveProjectAsync(next);
                    break;
                case 3:
                    writes++;
                    stores.Time.Advance(TimeSpan.FromSeconds(1));
                    await cached.ArchiveProjectAsync(id);
                    break;
                case 4:
                    writes++;
                    await cached.RestoreProjectAsync(id);
                    break;
                default:
                    writes++;
                    if (random.Next(4) == 0)
                    {
                        await cached.DeleteProjectAsync(id);
                    }
                    else
                    {
                        var replacement = generator.Project($"user{op % 3}", ProjectShape.Small);
                        replacement.ProjectId = id;
                        await cached.SaveProjectAsync(replacement);
                    }

                    break;
            }
        }

        return new StaleReadResult(reads, writes, stale, cached.GetStatistics().Cache.Hits, examples);
    }

    private static async Task<ReconciliationResult> RunReconciliationAsync(string failpoint)
    {
        const int rounds = 6;
        await using var stores = await RepositoryTestStores.CreateAsync();
        var inner = new ControlledRepository(new V2ProjectRepository(stores.V2));
        var cached = new CachedProjectRepository(inner);
        var generator = new SocratesDataGenerator(Seed + 1);
        var projects = Enumerable.Range(0, rounds).Select(_ => generator.Project("alice", ProjectShape.Small)).ToList();
        foreach (var project in projects)
        {
            await cached.SaveProjectAsync(project);
        }

        var writeErrors = 0;
        using (Failpoint.Enable(failpoint))
        {
            foreach (var project in projects)
            {
                // The interleaving that needs the invalidation AFTER the commit: the write has
                // invalidated and not yet committed; a read starts now, reads the old row and
                // installs it; then the write commits and its post-commit invalidation fails.
                var saveHeld = inner.HoldNextSaveAsync();
                project.Description = "after the write";
                var write = cached.SaveProjectAsync(project);
                await saveHeld;
                Assert.NotEqual("after the write", (await cached.LoadProjectAsync(project.ProjectId))!.Description);
                inner.ReleaseSave();
                try
                {
                    await write;
                }
                catch (CacheInvalidationException)
                {
                    writeErrors++;
                }
            }
        }

        // Read everything again so the reconciliation has cached entries to judge: fresh ones where
        // compensation worked, the overlapping read's old value where it did not.
        foreach (var project in projects)
        {
            await cached.LoadProjectAsync(project.ProjectId);
        }

        var report = await cached.ReconcileAsync();
        var statistics = cached.GetStatistics().Writes;
        return new ReconciliationResult(rounds, report.Divergences, report.Cached, statistics.Compensations, statistics.RecoveredByRetry, writeErrors);
    }

    private sealed record StaleReadResult(int Reads, int Writes, int StaleReads, long CacheHits, IReadOnlyList<string> FirstStale);

    private sealed record ReconciliationResult(int Rounds, int Divergences, int Cached, long Compensations, long RecoveredByRetry, int WriteErrors);
}
