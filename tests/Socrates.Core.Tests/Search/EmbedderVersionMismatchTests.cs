using Socrates.Core.Failpoints;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class EmbedderVersionMismatchTests
{
    [Fact]
    public void ExactSearch_QueryOfOtherVersion_ThrowsWithBothVersions()
    {
        var records = TestVectors.Records(1, 50);
        var index = ExactIndex.Build(records, 32, TestVectors.Version);

        var ex = Assert.Throws<EmbedderVersionMismatchException>(() =>
            index.Search(records[0].Vector, "other-version", 5, ScopeFilter.All));

        Assert.Equal(TestVectors.Version, ex.ExpectedVersion);
        Assert.Equal("other-version", ex.ActualVersion);
        Assert.Equal(EmbedderVersionMismatchException.ErrorCode, ex.Code);
        Assert.Contains("other-version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IvfSearch_QueryOfOtherVersion_Throws()
    {
        var records = TestVectors.Records(2, 200);
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 4 });

        Assert.Throws<EmbedderVersionMismatchException>(() => index.Search(records[0].Vector, "v2", 5, ScopeFilter.All));
    }

    [Fact]
    public async Task ServiceSearch_VersionSwapFailpoint_ThrowsInsteadOfComparing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"search-swap-{Guid.NewGuid():N}.db");
        try
        {
            var embedder = HashingTfIdfEmbedder.Fit(["alpha beta", "gamma delta"]);
            using var service = new VectorSearchService(new KnowledgeEntryStore($"Data Source={path};Pooling=False"), embedder, new IvfOptions());
            await service.ImportAsync([new KnowledgeEntry("a", "alpha beta", "c", KnowledgeScope.Global, null)], CancellationToken.None);

            Assert.Single(await service.SearchAsync("alpha", 3, ScopeFilter.All));
            using (Failpoint.Enable(SearchFailpoints.EmbedderVersionSwap))
            {
                var ex = await Assert.ThrowsAsync<EmbedderVersionMismatchException>(() => service.SearchAsync("alpha", 3, ScopeFilter.All));
                Assert.Equal(embedder.Version, ex.ExpectedVersion);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
