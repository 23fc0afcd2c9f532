using System.Numerics.Tensors;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class WordVectorSifEmbedderTests
{
    private static readonly WordVectors s_vectors = WordVectors.FromDictionary(3, new Dictionary<string, float[]>
    {
        ["the"] = [0, 0, 1],
        ["guitar"] = [1, 0, 0],
        ["piano"] = [0.8f, 0.6f, 0],
        ["orbit"] = [0, 1, 0],
    });

    // "the" is 12 of the 15 words: its SIF weight is a tenth of "guitar"'s, so it barely moves a text's vector.
    private static readonly string[] s_corpus = ["the the the the the the the the the the guitar", "the piano", "the orbit"];

    [Fact]
    public void Embed_UnitLengthAndOrderFree()
    {
        var embedder = WordVectorSifEmbedder.Fit(s_vectors, s_corpus);

        var a = embedder.Embed("guitar piano");
        var b = embedder.Embed("Piano, GUITAR!");

        Assert.Equal(1.0, TensorPrimitives.Norm(a), 5);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Embed_FrequentWordWeighsLittle()
    {
        var embedder = WordVectorSifEmbedder.Fit(s_vectors, s_corpus);

        var text = embedder.Embed("the guitar");

        Assert.True(TensorPrimitives.Dot(text, embedder.Embed("guitar")) > 0.95f);
        Assert.True(TensorPrimitives.Dot(text, embedder.Embed("the")) < 0.3f);
    }

    [Fact]
    public void Embed_NoKnownWord_ZeroVector()
    {
        var embedder = WordVectorSifEmbedder.Fit(s_vectors, s_corpus);

        Assert.All(embedder.Embed("zither nebula"), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Version_ChangesWithTheVectorsOrTheCorpus()
    {
        var pinned = WordVectorSifEmbedder.Fit(s_vectors, s_corpus).Version;
        var otherVectors = WordVectors.FromDictionary(3, new Dictionary<string, float[]> { ["guitar"] = [1, 0, 0] });

        Assert.Equal(pinned, WordVectorSifEmbedder.Fit(s_vectors, s_corpus).Version);
        Assert.NotEqual(pinned, WordVectorSifEmbedder.Fit(s_vectors, [.. s_corpus, "the orbit"]).Version);
        Assert.NotEqual(pinned, WordVectorSifEmbedder.Fit(otherVectors, s_corpus).Version);
        Assert.NotEqual(pinned, WordVectorSifEmbedder.Fit(s_vectors, s_corpus, smoothing: 1e-2).Version);
    }

    [Fact]
    public void Vocabulary_TheWordsAsTheEmbedderSplitsThem()
    {
        Assert.Equal(["guitar", "piano", "the"], WordVectorSifEmbedder.Vocabulary(["The guitar", "piano, the"]).Order(StringComparer.Ordinal));
    }
}
