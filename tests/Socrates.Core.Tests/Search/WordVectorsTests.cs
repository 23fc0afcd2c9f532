using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class WordVectorsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"word-vectors-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    // The package's layout: each entry is the vector, then its norm and its index (ignored).
    private const string Wink = """
        {"precision":8,"l2NormIndex":3,"wordIndex":4,"size":3,"dimensions":3,
         "words":["guitar","piano","orbit"],
         "vectors":{"guitar":[1,0,0,1,0],"piano":[0.8,0.6,0,1,1],"orbit":[0,0,1,1,2]},
         "unkVector":[0,0,0,0,-1]}
        """;

    private WordVectors Load(string json, IReadOnlySet<string>? vocabulary = null)
    {
        File.WriteAllText(_path, json);
        return WordVectors.LoadWinkJson(_path, vocabulary);
    }

    [Fact]
    public void LoadWinkJson_PackageLayout_KeepsTheFirstDimensionsNumbers()
    {
        var vectors = Load(Wink);

        Assert.Equal(3, vectors.Dimensions);
        Assert.Equal(3, vectors.Count);
        Assert.True(vectors.TryGet("piano", out var piano));
        Assert.Equal([0.8f, 0.6f, 0f], piano);
        Assert.False(vectors.TryGet("drum", out _));
    }

    [Fact]
    public void LoadWinkJson_Vocabulary_KeepsOnlyThoseWords()
    {
        var vectors = Load(Wink, new HashSet<string>(["orbit", "drum"], StringComparer.Ordinal));

        Assert.Equal(1, vectors.Count);
        Assert.True(vectors.TryGet("orbit", out _));
    }

    [Fact]
    public void Checksum_CoversEveryWordAndBit()
    {
        var a = Load(Wink).Checksum;
        var same = Load(Wink).Checksum;
        var changedBit = Load(Wink.Replace("[0.8,0.6,0", "[0.8,0.6000001,0", StringComparison.Ordinal)).Checksum;
        var fewerWords = Load(Wink, new HashSet<string>(["guitar", "piano"], StringComparer.Ordinal)).Checksum;

        Assert.Equal(a, same);
        Assert.NotEqual(a, changedBit);
        Assert.NotEqual(a, fewerWords);
    }

    [Theory]
    [InlineData("""{"dimensions":3,"vectors":{"guitar":[1,0,0]""", "not valid JSON")]
    [InlineData("""{"vectors":{"guitar":[1,0,0]}}""", "no positive \"dimensions\"")]
    [InlineData("""{"dimensions":3,"vectors":{"guitar":[1,0]}}""", "'guitar' has 2 numbers, fewer than the 3 dimensions")]
    [InlineData("""{"dimensions":3,"vectors":{"guitar":"loud"}}""", "'guitar' is a String, not an array")]
    [InlineData("""{"dimensions":3,"vectors":{"guitar":[1,"x",0]}}""", "the vector of 'guitar': expected EndArray")]
    [InlineData("""{"dimensions":3,"vectors":{}}""", "holds no vectors")]
    [InlineData("""[1,2,3]""", "the top level: expected StartObject")]
    public void LoadWinkJson_Malformed_TypedErrorNamingFileAndProblem(string json, string problem)
    {
        var error = Assert.Throws<WordVectorsFormatException>(() => Load(json));

        Assert.Equal(_path, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWinkJson_MissingFile_TypedError()
    {
        var error = Assert.Throws<WordVectorsFormatException>(() => WordVectors.LoadWinkJson(_path + ".absent"));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDictionary_NonFiniteOrWrongLength_Refused()
    {
        Assert.Contains("non-finite", Assert.Throws<WordVectorsFormatException>(() =>
            WordVectors.FromDictionary(2, new Dictionary<string, float[]> { ["a"] = [float.NaN, 0] })).Message, StringComparison.Ordinal);
        Assert.Contains("has 3 numbers, not 2", Assert.Throws<WordVectorsFormatException>(() =>
            WordVectors.FromDictionary(2, new Dictionary<string, float[]> { ["a"] = [1, 0, 0] })).Message, StringComparison.Ordinal);
    }
}
