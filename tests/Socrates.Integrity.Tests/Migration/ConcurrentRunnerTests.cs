using Socrates.Core.Migration;
using Socrates.Core.Migration.Runner;
using Socrates.CrashHost;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>Two runners on one database at once: every step is applied exactly once, by one of them.</summary>
[Trait("Category", "Integrity")]
public sealed class ConcurrentRunnerTests
{
    [Fact]
    public async Task MigrateAsync_TwoRunnersConcurrently_EachStepAppliedOnce()
    {
        using var folder = new TempDirectory();
        var path = folder.File("shared.db");
        await using var first = await MigrationConnections.OpenTargetAsync(path, TimeSpan.FromSeconds(10), CancellationToken.None);
        await using var second = await MigrationConnections.OpenTargetAsync(path, TimeSpan.FromSeconds(10), CancellationToken.None);
        var steps = CrashWorkload.AllSteps;
        await SchemaHistory.EnsureCreatedAsync(first, CancellationToken.None);

        var results = await Task.WhenAll(
            Task.Run(() => new MigrationRunner(steps).MigrateAsync(first, CancellationToken.None)),
            Task.Run(() => new MigrationRunner(steps).MigrateAsync(second, CancellationToken.None)));

        var applied = results.SelectMany(r => r.Applied.Select(a => a.Version)).Order().ToList();
        Assert.Equal(steps.Select(s => s.Version).Order(), applied);
        var history = await SchemaHistory.ReadAsync(first, CancellationToken.None);
        Assert.Equal(steps.Count, history.Count);
        Assert.All(history, h => Assert.True(h.Success));
        Assert.All(results, r => Assert.Equal(steps.Max(s => s.Version), r.CurrentVersion));
    }
}
