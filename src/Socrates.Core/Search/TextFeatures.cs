namespace Socrates.Core.Search;

/// <summary>
/// The features the hashing embedder counts: word unigrams, word bigrams, and character 3- and
/// 4-grams of each word padded with spaces. Each feature is identified by a 32-bit FNV-1a hash
/// seeded by its kind, so "w:net" and the trigram "net" never share a key.
/// </summary>
internal static class TextFeatures
{
    public const int KindCount = 4;

    private static readonly uint[] s_kindSeeds =
    [
        Fnv1a.Hash32("word|"),
        Fnv1a.Hash32("bigram|"),
        Fnv1a.Hash32("char3|"),
        Fnv1a.Hash32("char4|"),
    ];

    /// <summary>Relative weight of each feature kind (words carry most meaning; char n-grams catch morphology).</summary>
    public static ReadOnlySpan<float> KindWeights => [1.0f, 0.8f, 0.3f, 0.3f];

    /// <summary>Counts the features of <paramref name="text"/>: key = (kind, feature hash).</summary>
    public static Dictionary<FeatureKey, int> Count(string text)
    {
        var counts = new Dictionary<FeatureKey, int>();
        var words = Tokenize(text);
        Span<char> padded = stackalloc char[66];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            Add(counts, new FeatureKey(0, Fnv1a.Hash32(word, s_kindSeeds[0])));
            if (i > 0)
            {
                var seed = Fnv1a.Hash32(words[i - 1], s_kindSeeds[1]);
                seed = Fnv1a.Hash32(" ", seed);
                Add(counts, new FeatureKey(1, Fnv1a.Hash32(word, seed)));
            }

            var length = Math.Min(word.Length, 64);
            padded[0] = ' ';
            word.AsSpan(0, length).CopyTo(padded[1..]);
            padded[length + 1] = ' ';
            var span = padded[..(length + 2)];
            for (var n = 3; n <= 4; n++)
            {
                var kind = (byte)(n - 1);
                for (var start = 0; start + n <= span.Length; start++)
                {
                    Add(counts, new FeatureKey(kind, Fnv1a.Hash32(span.Slice(start, n), s_kindSeeds[kind])));
                }
            }
        }

        return counts;
    }

    /// <summary>Lower-cased runs of letters and digits (invariant culture).</summary>
    public static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    private static void Add(Dictionary<FeatureKey, int> counts, FeatureKey key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}

/// <summary>A feature: its kind (0 word, 1 bigram, 2 char3, 3 char4) and its hash.</summary>
internal readonly record struct FeatureKey(byte Kind, uint Hash);
