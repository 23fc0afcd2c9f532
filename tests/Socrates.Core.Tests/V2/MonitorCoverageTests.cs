using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class MonitorCoverageTests
{
    [Fact]
    public async Task Monitor_WorkloadCallingEveryPublicMethod_RecordsEveryOne()
    {
        var unobserved = await MeasureUnobservedAsync();
        var evidence = MetricsWriter.WriteEvidence("unit", "v2-monitor-coverage.json", new { Unobserved = unobserved, Operations = OperationCatalog.PublicOperations() });
        MetricsWriter.Write("unit", "v2.monitor.unobserved_methods", unobserved.Count, "count", evidence);
        Assert.Empty(unobserved);
    }

    [Fact]
    public async Task Monitor_MonitorOffFailpoint_MethodsUnobserved()
    {
        using (Failpoint.Enable(V2Failpoints.MonitorOff))
        {
            var unobserved = await MeasureUnobservedAsync();
            Assert.True(unobserved.Count > 0, "with the monitor off, methods must show up as unobserved");
        }
    }

    [Fact]
    public void Catalog_CoversEveryPublicOperation()
    {
        var catalog = OperationCatalog.All(null!).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var missing = OperationCatalog.PublicOperations().Where(n => !catalog.Contains(n) && n != "OpenAsync").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Monitor_FailedOperation_CountsErrorAndLatency()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.SlowOperationThreshold = TimeSpan.FromTicks(1));
        await Assert.ThrowsAsync<Socrates.Core.V2.Validation.ValidationException>(() => test.Database.LoadProjectAsync(""));
        await test.Database.LoadProjectAsync("absent");
        var stats = test.Database.Monitor.Snapshot().For(nameof(AsyncProjectDatabase.LoadProjectAsync));
        Assert.NotNull(stats);
        Assert.Equal(2, stats.Count);
        Assert.Equal(1, stats.Errors);
        Assert.True(stats.P99Ms >= stats.P50Ms && stats.MaxMs >= stats.P99Ms);
        Assert.Contains(test.Database.Monitor.Snapshot().SlowOperations, s => s.Operation == nameof(AsyncProjectDatabase.LoadProjectAsync));
    }

    private static async Task<List<string>> MeasureUnobservedAsync()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var seeded = await OperationCatalog.SeedAsync(db);
        foreach (var (_, call) in OperationCatalog.All(seeded))
        {
            await call(db, CancellationToken.None);
        }

        var snapshot = db.Monitor.Snapshot();
        return OperationCatalog.PublicOperations().Where(name => snapshot.For(name) is not { Count: > 0 }).ToList();
    }
}
