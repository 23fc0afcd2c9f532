using System.Collections.Frozen;
using System.Globalization;

namespace Socrates.Core.Search;

/// <summary>
/// Document frequencies of hashed features, fitted once on a corpus: the state that makes the
/// hashing embedder a TF-IDF embedder. Immutable; its <see cref="Fingerprint"/> (a hash of the
/// document count and every (feature, frequency) pair in a canonical order) goes into the
/// embedder version, so a refit on different data is a different version.
/// </summary>
public sealed class IdfTable
{
    private readonly FrozenDictionary<FeatureKey, int> _documentFrequency;
    private readonly float _unseenIdf;

    private IdfTable(int documentCount, FrozenDictionary<FeatureKey, int> documentFrequency)
    {
        DocumentCount = documentCount;
        _documentFrequency = documentFrequency;
        _unseenIdf = Smooth(documentCount, 0);
        Fingerprint = ComputeFingerprint(documentCount, documentFrequency);
    }

    /// <summary>No corpus: every feature weighs the same (IDF 1).</summary>
    public static IdfTable Empty { get; } = new(0, FrozenDictionary<FeatureKey, int>.Empty);

    public int DocumentCount { get; }

    public int FeatureCount => _documentFrequency.Count;

    /// <summary>16 hex digits identifying this table's content.</summary>
    public string Fingerprint { get; }

    /// <summary>Fits the table on <paramref name="documents"/> (order does not matter).</summary>
    public static IdfTable Fit(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var frequency = new Dictionary<FeatureKey, int>();
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            foreach (var key in TextFeatures.Count(document).Keys)
            {
                frequency[key] = frequency.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        return new IdfTable(count, frequency.ToFrozenDictionary());
    }

    internal float Idf(FeatureKey key) =>
        _documentFrequency.TryGetValue(key, out var df) ? Smooth(DocumentCount, df) : _unseenIdf;

    // Smoothed IDF (as scikit-learn's smooth_idf): ln((1 + N) / (1 + df)) + 1, never zero.
    private static float Smooth(int documents, int df) => (float)(Math.Log((1.0 + documents) / (1.0 + df)) + 1.0);

    private static string ComputeFingerprint(int documentCount, FrozenDictionary<FeatureKey, int> frequency)
    {
        var hash = Fnv1a.Hash64((ulong)documentCount);
        foreach (var (key, df) in frequency.OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Hash))
        {
            hash = Fnv1a.Hash64(((ulong)key.Kind << 32) | key.Hash, hash);
            hash = Fnv1a.Hash64((ulong)df, hash);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
