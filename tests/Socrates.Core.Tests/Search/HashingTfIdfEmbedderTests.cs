using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class HashingTfIdfEmbedderTests
{
    private static readonly string[] s_corpus =
    [
        "fast HTTP library for Python",
        "real-time strategy game of ancient warfare",
        "command line tool to convert audio files between formats",
        "Python bindings for the SQLite database engine",
        "puzzle game with falling blocks",
    ];

    [Fact]
    public void Embed_SameTextTwoInstances_BitIdentical()
    {
        var a = HashingTfIdfEmbedder.Fit(s_corpus);
        var b = HashingTfIdfEmbedder.Fit(s_corpus.Reverse());

        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Embed("python database bindings"), b.Embed("python database bindings"));
    }

    [Fact]
    public void Embed_KnownText_MatchesValuePinnedAcrossProcesses()
    {
        // string.GetHashCode is randomised per process; FNV-1a is not. This pin fails if the
        // features, the hash, the weighting or the bucket/sign mapping change by a single bit.
        var embedder = HashingTfIdfEmbedder.Fit(s_corpus);
        var vector = embedder.Embed("python database bindings");
        var hash = Fnv1aOf(vector);

        Assert.Equal("1.d384.n5.idf-" + embedder.Idf.Fingerprint, embedder.Version);
        Assert.Equal(PinnedVectorHash, hash);
    }

    [Theory]
    [InlineData("python database bindings")]
    [InlineData("A")]
    [InlineData("ÄÖÜ ß — unicode, punctuation!! and 12345 digits")]
    [InlineData("word word word word word word")]
    public void Embed_AnyText_UnitLengthAndConfiguredDimensions(string text)
    {
        var embedder = HashingTfIdfEmbedder.Fit(s_corpus);
        var vector = embedder.Embed(text);

        Assert.Equal(HashingTfIdfEmbedder.DefaultDimensions, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 5);
        Assert.All(vector, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Embed_TextWithoutFeatures_ZeroVector()
    {
        var vector = HashingTfIdfEmbedder.Fit(s_corpus).Embed(" -- !! ");

        Assert.All(vector, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Version_OtherCorpus_Differs()
    {
        var a = HashingTfIdfEmbedder.Fit(s_corpus);
        var b = HashingTfIdfEmbedder.Fit(s_corpus.Append("one more document"));

        Assert.NotEqual(a.Version, b.Version);
        Assert.NotEqual(a.Version, a.WithIdf(IdfTable.Empty).Version);
    }

    [Fact]
    public void Embed_RelatedText_ScoresAboveUnrelated()
    {
        var embedder = HashingTfIdfEmbedder.Fit(s_corpus);
        var query = embedder.Embed("sqlite python");
        var related = embedder.Embed(s_corpus[3]);
        var unrelated = embedder.Embed(s_corpus[1]);

        Assert.True(Dot(query, related) > Dot(query, unrelated) + 0.1f);
    }

    private const string PinnedVectorHash = "c39997a041674b86";

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static string Fnv1aOf(float[] vector)
    {
        var bytes = VectorBlob.Encode(vector);
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
