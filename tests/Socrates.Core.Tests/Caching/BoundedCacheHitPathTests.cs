using Socrates.Core.Caching;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Tests.Caching;

/// <summary>The lock-free hit path: same answers and counts as the locked one, under threads too.</summary>
[Trait("Category", "Unit")]
public sealed class BoundedCacheHitPathTests
{
    [Fact]
    public async Task TryGet_EightThreadsHitting_CountsEveryHitExactly()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "1");
        cache.Set("b", "2");
        const int Threads = 8;
        const int Reads = 20_000;
        using var start = new Barrier(Threads);

        var readers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                var found = 0;
                for (var i = 0; i < Reads; i++)
                {
                    found += cache.TryGet(i % 3 == 0 ? "absent" : (i % 2 == 0 ? "a" : "b"), out _) ? 1 : 0;
                }

                return found;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var found = (await Task.WhenAll(readers)).Sum();

        var stats = cache.GetStatistics();
        Assert.Equal(found, stats.Hits);
        Assert.Equal((Threads * Reads) - found, stats.Misses);
        Assert.Equal(Threads * (Reads - ((Reads + 2) / 3)), found);
    }

    [Fact]
    public void TryGet_AfterInvalidateAllOnTheHitPath_MissesAndReclaims()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "1");
        Assert.True(cache.TryGet("a", out _));

        cache.InvalidateAll();

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
        Assert.Null(cache.FindInconsistency());
    }

    [Fact]
    public async Task GetOrLoadAsync_Hit_CompletesSynchronouslyWithoutTheLoader()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "1");
        var loads = 0;

        var task = cache.GetOrLoadAsync("a", (_, _) =>
        {
            loads++;
            return Task.FromResult<string?>("loaded");
        });

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal("1", await task);
        Assert.Equal(0, loads);
        Assert.Equal(1, cache.GetStatistics().Hits);
    }

    [Fact]
    public async Task GetOrLoadAsync_CanceledBeforeTheCall_ReturnsACanceledTask()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("a", "1");
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => cache.GetOrLoadAsync("a", (_, _) => Task.FromResult<string?>("x"), canceled.Token));
    }

    [Fact]
    public void TryGet_IgnoreTtlCanaryOnAnExpiredEntry_StillHits()
    {
        var time = TestCaches.Clock();
        var cache = TestCaches.Create(time);
        cache.Set("a", "1");
        time.Advance(TestCaches.Ttl);

        using (Failpoint.Enable(CacheFailpoints.IgnoreTtl))
        {
            Assert.True(cache.TryGet("a", out var value));
            Assert.Equal("1", value);
        }

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void TryGet_Sieve_MarksVisitedSoTheHitEntrySurvivesEviction()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxEntries: 3);
        cache.Set("a", "1");
        cache.Set("b", "2");
        cache.Set("c", "3");
        Assert.True(cache.TryGet("a", out _));

        cache.Set("d", "4");

        Assert.True(cache.TryPeek("a", out _));
        Assert.False(cache.TryPeek("b", out _));
        Assert.Null(cache.FindInconsistency());
    }
}
