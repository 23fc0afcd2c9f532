using System.Collections.Concurrent;
using Socrates.Core.Caching;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class CachedRepositoryTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, string> _db = new(StringComparer.Ordinal);
    private int _loads;

    [Fact]
    public async Task ReadAsync_SecondRead_ServedFromCache()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";

        Assert.Equal("v1", await repo.ReadAsync("k", CancellationToken.None));
        Assert.Equal("v1", await repo.ReadAsync("k", CancellationToken.None));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task ReadAsync_Missing_ReturnsNullAndCachesNothing()
    {
        var repo = CreateRepository();

        Assert.Null(await repo.ReadAsync("absent", CancellationToken.None));
        Assert.Equal(0, repo.Cache.Count);
    }

    [Fact]
    public async Task WriteAsync_AfterCachedRead_NextReadSeesNewValue()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";
        await repo.ReadAsync("k", CancellationToken.None);

        await repo.WriteAsync("k", Commit("k", "v2"), CancellationToken.None);

        Assert.Equal("v2", await repo.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ReturnsWriteResult()
    {
        var repo = CreateRepository();
        var result = await repo.WriteAsync("k", _ => Task.FromResult(42), CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(1, repo.GetStatistics().Writes);
    }

    [Fact]
    public async Task WriteAsync_ReadOverlappingWrite_CannotLeaveOldValueCached()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";

        await repo.WriteAsync(
            "k",
            async ct =>
            {
                // A reader runs between the pre-write invalidation and the commit: it reads v1 and caches it.
                Assert.Equal("v1", await repo.ReadAsync("k", ct));
                _db["k"] = "v2";
            },
            CancellationToken.None);

        Assert.Equal("v2", await repo.ReadAsync("k", CancellationToken.None));
        Assert.Equal(0, Reconcile(repo).Divergences);
    }

    [Fact]
    public async Task WriteAsync_LoadBegunBeforeWriteCompletesAfter_DoesNotInstall()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var snapshotTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = TestCaches.Create(TestCaches.Clock());
        var repo = new CachedRepository<string, string>(cache, async (key, ct) =>
        {
            var snapshot = _db.GetValueOrDefault(key);
            snapshotTaken.SetResult();
            await gate.Task.WaitAsync(s_wait, ct);
            return snapshot;
        });
        _db["k"] = "v1";

        var slowRead = repo.ReadAsync("k", CancellationToken.None);
        await snapshotTaken.Task.WaitAsync(s_wait);
        await repo.WriteAsync("k", Commit("k", "v2"), CancellationToken.None);
        gate.SetResult();

        Assert.Equal("v1", await slowRead.WaitAsync(s_wait));
        Assert.False(cache.TryPeek("k", out _));
    }

    [Fact]
    public async Task WriteAsync_WriteThrows_StillInvalidatesAndRethrows()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";

        await Assert.ThrowsAsync<TimeoutException>(() => repo.WriteAsync(
            "k",
            async ct =>
            {
                await repo.ReadAsync("k", ct);
                _db["k"] = "v2"; // committed, then the acknowledgement timed out
                throw new TimeoutException("commit acknowledgement lost");
            },
            CancellationToken.None));

        Assert.Equal("v2", await repo.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_InvalidationFailsOnce_RetryCompensates()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";

        using (Failpoint.Enable(CacheFailpoints.InvalidationFailsOnce))
        {
            await repo.WriteAsync("k", OverlappingCommit(repo, "k", "v2"), CancellationToken.None);
        }

        var stats = repo.GetStatistics();
        Assert.Equal(1, stats.Compensations);
        Assert.Equal(1, stats.RecoveredByRetry);
        Assert.Equal(1, stats.InvalidationFailures);
        Assert.Equal(0, Reconcile(repo).Divergences);
        Assert.Equal("v2", await repo.ReadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_RetriesExhausted_FlushesWholeCache()
    {
        var repo = CreateRepository(retries: 0);
        _db["k"] = "v1";
        _db["other"] = "o";
        await repo.ReadAsync("other", CancellationToken.None);

        using (Failpoint.Enable(CacheFailpoints.InvalidationFailsOnce))
        {
            await repo.WriteAsync("k", OverlappingCommit(repo, "k", "v2"), CancellationToken.None);
        }

        Assert.Equal(1, repo.GetStatistics().RecoveredByFlush);
        Assert.False(repo.Cache.TryPeek("other", out _));
        Assert.Equal(0, Reconcile(repo).Divergences);
    }

    [Fact]
    public async Task WriteAsync_EveryInvalidationFails_PoisonsKeyAndReadsBypassCache()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";

        using (Failpoint.Enable(CacheFailpoints.InvalidationFailsAlways))
        {
            await repo.WriteAsync("k", OverlappingCommit(repo, "k", "v2"), CancellationToken.None);

            Assert.True(repo.IsPoisoned("k"));
            Assert.Equal("v2", await repo.ReadAsync("k", CancellationToken.None));
            var stats = repo.GetStatistics();
            Assert.Equal(1, stats.Poisonings);
            Assert.Equal(1, stats.BypassedReads);
            var report = Reconcile(repo);
            Assert.Equal(0, report.Divergences);
            Assert.Equal(1, report.PoisonedSkipped);
        }

        // Once invalidation works again the first read heals the key.
        Assert.Equal("v2", await repo.ReadAsync("k", CancellationToken.None));
        Assert.False(repo.IsPoisoned("k"));
        Assert.Equal(0, repo.GetStatistics().PoisonedKeys);
    }

    [Fact]
    public async Task WriteAsync_NoCompensationFailpoint_ThrowsAndLeavesDivergence()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";

        using (Failpoint.Enable(CacheFailpoints.InvalidationFailsNoCompensation))
        {
            await Assert.ThrowsAsync<CacheInvalidationException>(() =>
                repo.WriteAsync("k", OverlappingCommit(repo, "k", "v2"), CancellationToken.None));
        }

        var report = Reconcile(repo);
        Assert.Equal(1, report.Divergences);
        Assert.Equal(["k"], report.FirstDivergentKeys);
        Assert.Equal(1, repo.GetStatistics().UncompensatedFailures);
    }

    [Fact]
    public async Task WriteAsync_SkipInvalidationFailpoint_ServesStaleValue()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";
        await repo.ReadAsync("k", CancellationToken.None);

        using (Failpoint.Enable(CacheFailpoints.SkipInvalidationOnWrite))
        {
            await repo.WriteAsync("k", Commit("k", "v2"), CancellationToken.None);
        }

        Assert.Equal("v1", await repo.ReadAsync("k", CancellationToken.None));
        Assert.Equal(1, Reconcile(repo).Divergences);
    }

    [Fact]
    public async Task Reconcile_CachedKeyDeletedFromSource_IsDivergence()
    {
        var repo = CreateRepository();
        _db["k"] = "v1";
        await repo.ReadAsync("k", CancellationToken.None);
        _db.TryRemove("k", out _); // deleted behind the cache's back

        var report = Reconcile(repo);

        Assert.Equal(1, report.Divergences);
        Assert.Equal(1, report.Checked);
    }

    [Fact]
    public async Task Reconcile_ManyDivergences_CountsAllListsFirstFew()
    {
        var repo = CreateRepository(maxReported: 3);
        for (var i = 0; i < 8; i++)
        {
            _db["k" + i] = "old";
            await repo.ReadAsync("k" + i, CancellationToken.None);
            _db["k" + i] = "new";
        }

        var report = Reconcile(repo);

        Assert.Equal(8, report.Divergences);
        Assert.Equal(3, report.FirstDivergentKeys.Count);
        Assert.Equal(8, report.Cached);
    }

    [Fact]
    public void Constructor_InvalidRetries_ThrowsNamingOption()
    {
        var error = Assert.Throws<CacheOptionsException>(() => CreateRepository(retries: -1));
        Assert.Equal("InvalidationRetries", error.Option);
    }

    private CachedRepository<string, string> CreateRepository(int retries = 2, int maxReported = 10) =>
        new(
            TestCaches.Create(TestCaches.Clock()),
            (key, _) =>
            {
                Interlocked.Increment(ref _loads);
                return Task.FromResult(_db.GetValueOrDefault(key));
            },
            new CachedRepositoryOptions<string> { InvalidationRetries = retries, MaxReportedDivergences = maxReported });

    private Func<CancellationToken, Task> Commit(string key, string value) => _ =>
    {
        _db[key] = value;
        return Task.CompletedTask;
    };

    /// <summary>A write during which a reader caches the old row before the commit.</summary>
    private Func<CancellationToken, Task> OverlappingCommit(CachedRepository<string, string> repo, string key, string value) => async ct =>
    {
        await repo.ReadAsync(key, ct);
        _db[key] = value;
    };

    private ReconciliationReport<string> Reconcile(CachedRepository<string, string> repo) =>
        repo.Reconcile(_db.Select(p => (p.Key, (string?)p.Value)));
}
