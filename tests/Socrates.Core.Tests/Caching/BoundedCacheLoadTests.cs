using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheLoadTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetOrLoadAsync_FiftyConcurrentMisses_RunLoaderOnce()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var gate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Task<string?> LoaderAsync(string key, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            return gate.Task.WaitAsync(s_wait, ct);
        }

        var waiters = Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => cache.GetOrLoadAsync("k", LoaderAsync)))
            .ToArray();
        await WaitUntilAsync(() => cache.GetStatistics().CoalescedWaits == 49);
        gate.SetResult("loaded");
        var results = await Task.WhenAll(waiters).WaitAsync(s_wait);

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal("loaded", r));
        Assert.True(cache.TryGet("k", out var cached));
        Assert.Equal("loaded", cached);
        Assert.Equal(1, cache.GetStatistics().Loads);
    }

    [Fact]
    public async Task GetOrLoadAsync_LoaderFails_AllWaitersSeeErrorAndNothingCached()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var gate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Task<string?> LoaderAsync(string key, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            return gate.Task.WaitAsync(s_wait, ct);
        }

        var waiters = Enumerable.Range(0, 10).Select(_ => cache.GetOrLoadAsync("k", LoaderAsync)).ToArray();
        gate.SetException(new InvalidDataException("disk on fire"));

        foreach (var waiter in waiters)
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => waiter.WaitAsync(s_wait));
            Assert.Equal("disk on fire", error.Message);
        }

        Assert.Equal(1, calls);
        Assert.False(cache.TryGet("k", out _));
        Assert.Equal(1, cache.GetStatistics().LoadFailures);

        // The failure is not remembered: the next miss loads again.
        var value = await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult<string?>("second")).WaitAsync(s_wait);
        Assert.Equal("second", value);
    }

    [Fact]
    public async Task GetOrLoadAsync_LoaderThrowsSynchronously_PropagatesToCaller()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        await Assert.ThrowsAsync<FormatException>(() =>
            cache.GetOrLoadAsync("k", (_, _) => throw new FormatException("bad row")).WaitAsync(s_wait));
    }

    [Fact]
    public async Task GetOrLoadAsync_OneWaiterCancelled_OthersStillGetValue()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var gate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken seenByLoader = default;
        Task<string?> LoaderAsync(string key, CancellationToken ct)
        {
            seenByLoader = ct;
            return gate.Task.WaitAsync(s_wait, ct);
        }

        using var cts = new CancellationTokenSource();
        var cancelled = cache.GetOrLoadAsync("k", LoaderAsync, cts.Token);
        var patient = cache.GetOrLoadAsync("k", LoaderAsync);
        await WaitUntilAsync(() => cache.GetStatistics().CoalescedWaits == 1);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(s_wait));
        Assert.False(seenByLoader.IsCancellationRequested);

        gate.SetResult("value");
        Assert.Equal("value", await patient.WaitAsync(s_wait));
        Assert.True(cache.TryGet("k", out _));
    }

    [Fact]
    public async Task GetOrLoadAsync_AlreadyCancelled_ThrowsWithoutLoading()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var calls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetOrLoadAsync(
            "k",
            (_, _) =>
            {
                calls++;
                return Task.FromResult<string?>("v");
            },
            new CancellationToken(canceled: true)));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task GetOrLoadAsync_LoadStartedBeforeInvalidation_DoesNotInstall()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var gate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loading = cache.GetOrLoadAsync("k", (_, ct) => gate.Task.WaitAsync(s_wait, ct));

        cache.Invalidate("k"); // a write committed while the load was reading the old row
        gate.SetResult("old");

        Assert.Equal("old", await loading.WaitAsync(s_wait)); // the reader itself linearizes before the write
        Assert.False(cache.TryGet("k", out _));
        Assert.Equal(1, cache.GetStatistics().RejectedInstalls);
    }

    [Fact]
    public async Task GetOrLoadAsync_MissAfterInvalidation_StartsFreshLoadInsteadOfJoiningOldOne()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var oldGate = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var oldLoad = cache.GetOrLoadAsync("k", (_, ct) => oldGate.Task.WaitAsync(s_wait, ct));
        cache.Invalidate("k");

        var freshLoad = cache.GetOrLoadAsync("k", (_, _) => Task.FromResult<string?>("new"));

        Assert.Equal("new", await freshLoad.WaitAsync(s_wait));
        oldGate.SetResult("old");
        await oldLoad.WaitAsync(s_wait);
        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("new", value);
    }

    [Fact]
    public async Task GetOrLoadAsync_NullResult_ReturnedButNotCached()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var calls = 0;
        Task<string?> LoaderAsync(string key, CancellationToken ct)
        {
            calls++;
            return Task.FromResult<string?>(null);
        }

        Assert.Null(await cache.GetOrLoadAsync("k", LoaderAsync).WaitAsync(s_wait));
        Assert.Null(await cache.GetOrLoadAsync("k", LoaderAsync).WaitAsync(s_wait));
        Assert.Equal(2, calls);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task GetOrLoadAsync_Hit_DoesNotCallLoader()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Set("k", "cached");

        var value = await cache.GetOrLoadAsync("k", (_, _) => throw new InvalidOperationException("must not load"));

        Assert.Equal("cached", value);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
