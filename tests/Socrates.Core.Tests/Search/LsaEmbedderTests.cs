using System.Numerics.Tensors;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class LsaEmbedderTests
{
    // Two topics with disjoint vocabularies; every document mixes three words of one topic, so
    // "guitar" and "melody" never need to share a document to share a direction.
    private static readonly string[] s_music = ["guitar", "melody", "chord", "tempo", "rhythm", "drum", "bass", "piano", "song", "tune"];
    private static readonly string[] s_space = ["orbit", "rocket", "planet", "comet", "galaxy", "telescope", "nebula", "asteroid", "moon", "star"];

    private static readonly LsaOptions s_small = new() { Dimensions = 8, Buckets = 1 << 12, Oversampling = 4 };

    private static readonly IReadOnlyList<string> s_corpus = BuildCorpus();

    private const string PinnedBasisChecksum = "05830c358fecf46b";

    [Fact]
    public void Fit_SameCorpusInAnyOrder_IdenticalVersionAndBits()
    {
        var a = LsaEmbedder.Fit(s_corpus, s_small);
        var b = LsaEmbedder.Fit(s_corpus.Reverse(), s_small);

        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.BasisChecksum, b.BasisChecksum);
        foreach (var text in new[] { "guitar melody", "rocket to the moon", "piano orbit" })
        {
            Assert.Equal(a.Embed(text), b.Embed(text));
        }
    }

    [Fact]
    public void Fit_SmallCorpus_BasisChecksumPinnedAcrossProcessesAndMachines()
    {
        // The fit must be bit-identical whatever the thread schedule or machine (scalar doubles,
        // one thread per output element, fixed summation order): this pin fails on any drift.
        var embedder = LsaEmbedder.Fit(s_corpus, s_small);

        Assert.Equal(PinnedBasisChecksum, embedder.BasisChecksum);
    }

    [Fact]
    public void Embed_DefaultOptions_UnitLengthWith384Dimensions()
    {
        var embedder = LsaEmbedder.Fit(s_corpus);

        var vector = embedder.Embed("a song with a slow tempo");

        Assert.Equal(384, embedder.Dimensions);
        Assert.Equal(384, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(TensorPrimitives.Dot(vector, vector)), 5);
    }

    [Fact]
    public void Embed_TextWithoutFeatures_ZeroVector()
    {
        var embedder = LsaEmbedder.Fit(s_corpus, s_small);

        Assert.All(embedder.Embed(" -- !! "), v => Assert.Equal(0f, v));
        Assert.All(embedder.Embed(""), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Embed_SameTopicNoSharedWords_CloserThanOtherTopic()
    {
        var embedder = LsaEmbedder.Fit(s_corpus, s_small);
        var guitar = embedder.Embed("guitar chord");
        var drums = embedder.Embed("drum rhythm");
        var rocket = embedder.Embed("rocket orbit");

        var related = TensorPrimitives.Dot(guitar, drums);
        var unrelated = TensorPrimitives.Dot(guitar, rocket);

        Assert.True(related > 0.5, $"same topic, no shared word: cosine {related}");
        Assert.True(related > unrelated + 0.4, $"related {related} vs unrelated {unrelated}");
    }

    [Fact]
    public void Fit_OtherCorpusOrOptions_DifferentVersion()
    {
        var baseline = LsaEmbedder.Fit(s_corpus, s_small);

        Assert.NotEqual(baseline.Version, LsaEmbedder.Fit(s_corpus.Append("telescope nebula guitar"), s_small).Version);
        Assert.NotEqual(baseline.Version, LsaEmbedder.Fit(s_corpus, s_small with { Seed = 7 }).Version);
        Assert.NotEqual(baseline.Version, LsaEmbedder.Fit(s_corpus, s_small with { PowerIterations = 1 }).Version);
        Assert.NotEqual(baseline.Version, LsaEmbedder.Fit(s_corpus, s_small with { CharacterNGrams = true }).Version);
        Assert.StartsWith("1.d8.b4096.", baseline.Version, StringComparison.Ordinal);
        Assert.EndsWith(".basis-" + baseline.BasisChecksum, baseline.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void WithIdf_EmptyTable_DifferentFunctionAndVersion()
    {
        var fitted = LsaEmbedder.Fit(s_corpus, s_small);
        var unweighted = fitted.WithIdf(IdfTable.Empty);

        Assert.NotEqual(fitted.Version, unweighted.Version);
        Assert.NotEqual(fitted.Embed("guitar song about a comet"), unweighted.Embed("guitar song about a comet"));
    }

    [Fact]
    public void Fit_FewerDocumentsThanDimensions_SingularValuesBeyondRankZero()
    {
        var embedder = LsaEmbedder.Fit(["alpha beta", "gamma delta", "alpha gamma"], s_small);

        Assert.Equal(8, embedder.SingularValues.Count);
        Assert.True(embedder.SingularValues[0] > 0);
        Assert.All(embedder.SingularValues.Skip(3), s => Assert.Equal(0.0, s));
        var vector = embedder.Embed("alpha delta");
        Assert.Equal(1.0, Math.Sqrt(TensorPrimitives.Dot(vector, vector)), 5);
    }

    [Fact]
    public void Fit_EmptyCorpus_EveryTextEmbedsToZeros()
    {
        var embedder = LsaEmbedder.Fit([], s_small);

        Assert.All(embedder.SingularValues, s => Assert.Equal(0.0, s));
        Assert.All(embedder.Embed("guitar"), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void FitCached_SameCorpusTwice_SameInstance()
    {
        var corpus = s_corpus.Take(30).ToArray();

        Assert.Same(LsaEmbedder.FitCached(corpus, s_small), LsaEmbedder.FitCached(corpus.Reverse().ToArray(), s_small));
        Assert.NotSame(LsaEmbedder.FitCached(corpus, s_small), LsaEmbedder.FitCached(corpus, s_small with { Seed = 99 }));
    }

    [Fact]
    public void Fit_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LsaEmbedder.Fit(s_corpus, s_small with { Buckets = 5000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LsaEmbedder.Fit(s_corpus, s_small with { Dimensions = 4 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LsaEmbedder.Fit(s_corpus, s_small with { PowerIterations = -1 }));
    }

    private static List<string> BuildCorpus()
    {
        var random = new Random(42);
        var corpus = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var topic = i % 2 == 0 ? s_music : s_space;
            corpus.Add(string.Join(' ', Enumerable.Range(0, 3).Select(_ => topic[random.Next(topic.Length)])));
        }

        return corpus;
    }
}
