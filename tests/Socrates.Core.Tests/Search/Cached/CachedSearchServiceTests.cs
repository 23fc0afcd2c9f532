using Socrates.Core.Failpoints;
using Socrates.Core.Search;
using Socrates.Core.Search.Cached;

namespace Socrates.Core.Tests.Search.Cached;

[Trait("Category", "Unit")]
public sealed class CachedSearchServiceTests : IDisposable
{
    private static readonly string[] s_topics =
    [
        "sqlite write ahead log checkpoint", "python pickle protocol opcodes", "socratic questioning of requirements",
        "vector index inverted lists probes", "cache invalidation after writes", "async database connection pool",
        "migration of legacy blobs", "team members and their skills", "deployment to kubernetes clusters",
    ];

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cached-search-{Guid.NewGuid():N}.db");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task SearchAsync_RepeatedQuery_SecondServedFromCacheWithSameHits()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);

        var first = await cached.SearchAsync("pickle protocol", 5, ScopeFilter.All);
        var second = await cached.SearchAsync("pickle protocol", 5, ScopeFilter.All);

        Assert.Equal(await inner.SearchAsync("pickle protocol", 5, ScopeFilter.All), first);
        Assert.Same(first, second);
        var statistics = cached.GetStatistics();
        Assert.Equal(1, statistics.Hits);
        Assert.Equal(1, statistics.Misses);
    }

    [Fact]
    public async Task SearchAsync_DifferentKScopeOrPath_EachAnsweredLikeTheInnerService()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);
        (int K, ScopeFilter Filter, SearchPath Path)[] cases =
        [
            (3, ScopeFilter.All, SearchPath.Ivf), (7, ScopeFilter.All, SearchPath.Ivf), (3, ScopeFilter.GlobalOnly, SearchPath.Ivf),
            (3, ScopeFilter.ProjectOnly("p1"), SearchPath.Ivf), (3, ScopeFilter.ProjectAndGlobal("p2"), SearchPath.Exact),
        ];

        foreach (var (k, filter, path) in cases.Concat(cases))
        {
            Assert.Equal(await inner.SearchAsync("cache invalidation", k, filter, path), await cached.SearchAsync("cache invalidation", k, filter, path));
        }

        Assert.Equal(cases.Length, cached.GetStatistics().Misses);
        Assert.Equal(cases.Length, cached.GetStatistics().Hits);
    }

    [Fact]
    public async Task SaveAsync_EntryMatchingCachedQuery_NextSearchReturnsIt()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);
        var before = await cached.SearchAsync("zebra quartz xylophone", 3, ScopeFilter.All);
        Assert.DoesNotContain(before, hit => hit.Id == "new");

        await cached.SaveAsync(new KnowledgeEntry("new", "zebra quartz xylophone zebra quartz", "misc", KnowledgeScope.Global, null), CancellationToken.None);

        var after = await cached.SearchAsync("zebra quartz xylophone", 3, ScopeFilter.All);
        Assert.Equal("new", after[0].Id);
    }

    [Fact]
    public async Task SearchAsync_WriteMadeOnInnerServiceDirectly_NoticedByIndexVersion()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);
        var before = await cached.SearchAsync("legacy blobs", 3, ScopeFilter.All);
        var deleted = before[0].Id;

        Assert.True(await inner.DeleteAsync(deleted, CancellationToken.None));

        var after = await cached.SearchAsync("legacy blobs", 3, ScopeFilter.All);
        Assert.DoesNotContain(after, hit => hit.Id == deleted);
        Assert.Equal(await inner.SearchAsync("legacy blobs", 3, ScopeFilter.All), after);
    }

    [Fact]
    public async Task DeleteAsync_CachedHit_NextSearchOmitsIt()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);
        var before = await cached.SearchAsync("connection pool", 3, ScopeFilter.All);

        Assert.True(await cached.DeleteAsync(before[0].Id, CancellationToken.None));

        Assert.DoesNotContain(await cached.SearchAsync("connection pool", 3, ScopeFilter.All), hit => hit.Id == before[0].Id);
    }

    [Fact]
    public async Task RebuildIndexAsync_IndexSwap_CachedResultsInvalidated()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);
        await cached.SearchAsync("kubernetes", 3, ScopeFilter.All);
        await cached.SearchAsync("kubernetes", 3, ScopeFilter.All);
        var hitsBefore = cached.GetStatistics().Hits;

        await cached.RebuildIndexAsync(CancellationToken.None);
        await cached.SearchAsync("kubernetes", 3, ScopeFilter.All);

        Assert.Equal(hitsBefore, cached.GetStatistics().Hits);
        Assert.Equal(2, cached.GetStatistics().Misses);
    }

    [Fact]
    public async Task RecalibrateIndexAsync_EnoughServedQueries_NewProbesAndCachedResultsInvalidated()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);
        string[] queries = ["kubernetes", "connection pool", "skills", "python", "database", "testing"];
        for (var i = 0; i < new IvfOptions().MinLoggedQueries; i++)
        {
            await cached.SearchAsync($"{queries[i % queries.Length]} {i}", 3, ScopeFilter.All);
        }

        await cached.SearchAsync("kubernetes", 3, ScopeFilter.All);
        var hitsBefore = cached.GetStatistics().Hits;

        var calibration = await cached.RecalibrateIndexAsync(CancellationToken.None);
        await cached.SearchAsync("kubernetes", 3, ScopeFilter.All);

        Assert.Equal(CalibrationSource.LoggedQueries, calibration?.Source);
        Assert.Same(calibration, inner.Index.Current.Ivf!.Calibration);
        Assert.Equal(hitsBefore, cached.GetStatistics().Hits);
    }

    [Fact]
    public async Task SearchAsync_CacheDisabledFailpoint_EveryQueryComputed()
    {
        using var inner = await ServiceAsync();
        var cached = new CachedSearchService(inner);

        using (Failpoint.Enable(CachedSearchFailpoints.CacheDisabled))
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(await inner.SearchAsync("skills", 4, ScopeFilter.All), await cached.SearchAsync("skills", 4, ScopeFilter.All));
            }
        }

        var statistics = cached.GetStatistics();
        Assert.Equal(0, statistics.Hits);
        Assert.Equal(0, statistics.Misses);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedSearchOptions { MaxEntries = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedSearchOptions { TimeToLive = TimeSpan.Zero }.Validate());
    }

    private async Task<VectorSearchService> ServiceAsync()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(0, 120).Select(i =>
        {
            var text = string.Join(' ', Enumerable.Range(0, 3).Select(_ => s_topics[random.Next(s_topics.Length)]));
            return i % 3 == 0
                ? new KnowledgeEntry($"e{i:D3}", text, "topic", KnowledgeScope.Project, "p" + (i % 2 + 1))
                : new KnowledgeEntry($"e{i:D3}", text, "topic", KnowledgeScope.Global, null);
        }).ToList();
        var embedder = HashingTfIdfEmbedder.Fit(entries.Select(e => e.Content), 64);
        var service = new VectorSearchService(new KnowledgeEntryStore($"Data Source={_path};Pooling=False"), embedder, new IvfOptions { Lists = 4 });
        await service.ImportAsync(entries, CancellationToken.None);
        return service;
    }
}
