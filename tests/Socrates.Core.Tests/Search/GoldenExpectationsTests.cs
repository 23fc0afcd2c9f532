using Socrates.Core.Search;
using Socrates.Core.Search.Golden;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class GoldenExpectationsTests
{
    private static GoldenExpectations Make(params SearchHit[] hits) =>
        new("emb", "v1", 3, 10, [new GoldenExpectation("q1", hits)]);

    [Fact]
    public async Task SerializeRead_RoundTrip_NoDifferences()
    {
        var original = Make(new("a", 0.9f), new("b", 0.5f), new("c", 0.25f));
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, original.Serialize());
            var read = await GoldenExpectations.ReadAsync(path, CancellationToken.None);

            Assert.Empty(original.Differences(read));
            Assert.Equal(original.Serialize(), read.Serialize());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Differences_TieAtLastRankReordered_NotADifference()
    {
        var expected = Make(new("a", 0.9f), new("b", 0.5f), new("c", 0.5f));
        var actual = Make(new("a", 0.9f), new("b", 0.5f), new("d", 0.5f));

        Assert.Empty(expected.Differences(actual));
    }

    [Fact]
    public void Differences_OtherIdAboveTheTie_Counted()
    {
        var expected = Make(new("a", 0.9f), new("b", 0.5f), new("c", 0.25f));
        var actual = Make(new("x", 0.9f), new("b", 0.5f), new("c", 0.25f));

        Assert.Single(expected.Differences(actual));
    }

    [Fact]
    public void Differences_ScoreDrift_Counted()
    {
        var expected = Make(new SearchHit("a", 0.9f));
        var actual = Make(new SearchHit("a", 0.8999f));

        Assert.Single(expected.Differences(actual));
    }

    [Fact]
    public void Differences_OtherEmbedderVersion_Counted()
    {
        var expected = Make(new SearchHit("a", 0.9f));

        Assert.Contains(expected.Differences(expected with { EmbedderVersion = "v2" }), d => d.Contains("embedder version", StringComparison.Ordinal));
    }
}
