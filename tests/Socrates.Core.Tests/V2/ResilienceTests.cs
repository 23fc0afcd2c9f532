using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class ResilienceTests
{
    [Fact]
    public async Task EveryOperation_StalledPastTimeout_ThrowsDatabaseTimeoutException()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.OperationTimeout = TimeSpan.FromMilliseconds(150));
        var seeded = await OperationCatalog.SeedAsync(test.Database);
        var operations = OperationCatalog.All(seeded);
        List<(string Name, Exception? Error)> outcomes;
        using (Failpoint.Enable(V2Failpoints.OperationStall))
        {
            outcomes = [.. await Task.WhenAll(operations.Select(async o => (o.Name, await CaptureAsync(() => o.Call(test.Database, CancellationToken.None)))))];
        }

        var wrong = outcomes.Where(o => o.Error is not DatabaseTimeoutException).Select(o => $"{o.Name}: {o.Error?.GetType().Name ?? "no error"}").ToList();
        Assert.Empty(wrong);
        Assert.All(outcomes, o => Assert.Equal(o.Name, ((DatabaseTimeoutException)o.Error!).Operation));
        Assert.Equal(0, test.Database.ConnectionsInUse);
    }

    [Fact]
    public async Task EveryOperation_CancelledToken_ThrowsOperationCanceled()
    {
        await using var test = await TestDatabase.CreateAsync();
        var seeded = await OperationCatalog.SeedAsync(test.Database);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        foreach (var (name, call) in OperationCatalog.All(seeded))
        {
            var error = await CaptureAsync(() => call(test.Database, cancelled.Token));
            Assert.True(error is OperationCanceledException, $"{name}: {error?.GetType().Name ?? "no error"}");
        }
    }

    [Fact]
    public async Task LoadProject_CancelledWhileRunning_ThrowsOperationCanceledNotTimeout()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.OperationTimeout = TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        using (Failpoint.Enable(V2Failpoints.OperationStall))
        {
            var error = await CaptureAsync(() => test.Database.LoadProjectAsync("p", ProjectLoad.Metadata, cts.Token));
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }

        Assert.Equal(0, test.Database.ConnectionsInUse);
    }

    [Fact]
    public async Task EveryOperation_PoolExhaustedByBlockedHolder_ThrowsDatabaseOverloaded()
    {
        await using var test = await TestDatabase.CreateAsync(o =>
        {
            o.PoolSize = 1;
            o.PoolWaitTimeout = TimeSpan.FromMilliseconds(50);
        });
        var db = test.Database;
        var seeded = await OperationCatalog.SeedAsync(db);
        using var release = new CancellationTokenSource();
        var holder = Task.Run(async () =>
        {
            using (Failpoint.Enable(V2Failpoints.OperationStall))
            {
                return await CaptureAsync(() => db.ExistsProjectAsync(OperationCatalog.ProjectId, release.Token));
            }
        });
        await WaitUntilAsync(() => db.ConnectionsInUse == 1);

        var outcomes = await Task.WhenAll(OperationCatalog.All(seeded).Select(async o => (o.Name, Error: await CaptureAsync(() => o.Call(db, CancellationToken.None)))));
        await release.CancelAsync();
        Assert.IsAssignableFrom<OperationCanceledException>(await holder);

        var wrong = outcomes.Where(o => o.Error is not DatabaseOverloadedException).Select(o => $"{o.Name}: {o.Error?.GetType().Name ?? "no error"}").ToList();
        Assert.Empty(wrong);
        Assert.Equal(1, db.PeakConnectionsInUse);
        Assert.True(await db.ExistsProjectAsync(OperationCatalog.ProjectId), "after the holder leaves, the pool serves again");
    }

    [Fact]
    public async Task Pool_ManyConcurrentCalls_NeverExceedsBound()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.PoolSize = 2);
        var seeded = await OperationCatalog.SeedAsync(test.Database);
        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => i % 2 == 0
            ? (Task)test.Database.LoadProjectAsync(OperationCatalog.ProjectId, ProjectLoad.Full)
            : test.Database.AppendMessageAsync(OperationCatalog.ProjectId, seeded.Generator.Message(Socrates.Core.Domain.Phase.Design, seeded.Generator.Timestamp()))));
        Assert.InRange(test.Database.PeakConnectionsInUse, 1, 2);
        Assert.Equal(0, test.Database.ConnectionsInUse);
    }

    [Fact]
    public async Task Pool_UnboundedFailpoint_PeakExceedsBound()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.PoolSize = 1);
        var db = test.Database;
        using var release = new CancellationTokenSource();
        Task<Exception?>[] stalled;
        using (Failpoint.Enable(V2Failpoints.PoolUnbounded))
        using (Failpoint.Enable(V2Failpoints.OperationStall))
        {
            stalled = Enumerable.Range(0, 4).Select(_ => CaptureAsync(() => db.ExistsProjectAsync("x", release.Token))).ToArray();
        }

        await WaitUntilAsync(() => db.ConnectionsInUse == 4);
        await release.CancelAsync();
        await Task.WhenAll(stalled);
        Assert.True(db.PeakConnectionsInUse > db.Options.PoolSize, $"peak {db.PeakConnectionsInUse} must exceed the bound {db.Options.PoolSize} under the canary");
    }

    [Fact]
    public async Task Events_SaveDeleteAndFailure_Raised()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var saved = new List<string>();
        var deleted = new List<string>();
        var failed = new List<string>();
        db.Saved += (_, e) => saved.Add($"{e.Operation}:{e.Key}:{e.Version}");
        db.Deleted += (_, e) => deleted.Add($"{e.Operation}:{e.Key}");
        db.Failed += (_, e) => failed.Add($"{e.Operation}:{e.Error.GetType().Name}");
        var project = new Socrates.Testing.Generators.SocratesDataGenerator(3).Project("owner");
        await db.SaveProjectAsync(project, null);
        await db.DeleteProjectAsync(project.ProjectId);
        await Assert.ThrowsAsync<Socrates.Core.V2.Validation.ValidationException>(() => db.DeleteProjectAsync(""));
        Assert.Equal([$"SaveProjectAsync:{project.ProjectId}:1"], saved);
        Assert.Equal([$"DeleteProjectAsync:{project.ProjectId}"], deleted);
        Assert.Equal(["DeleteProjectAsync:ValidationException"], failed);
    }

    [Fact]
    public async Task Events_ObserverThrows_TypedErrorAfterCommit()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        db.Saved += (_, _) => throw new InvalidOperationException("observer broke");
        var project = new Socrates.Testing.Generators.SocratesDataGenerator(4).Project("owner");
        var error = await Assert.ThrowsAsync<DatabaseException>(() => db.SaveProjectAsync(project, null));
        Assert.Equal(DatabaseErrorCode.ObserverFailed, error.Code);
        Assert.Equal(1, await db.GetProjectVersionAsync(project.ProjectId));
    }

    private static async Task<Exception?> CaptureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(5);
        }
    }
}
