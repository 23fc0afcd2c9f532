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
    private readonly Dictionary<FeatureKey, int> _documentFrequency;
    private readonly float _unseenIdf;

    private IdfTable(int documentCount, Dictionary<FeatureKey, int> documentFrequency)
    {
        DocumentCount = documentCount;
        _documentFrequency = documentFrequency;
        _unseenIdf = Smooth(documentCount, 0);
        Fingerprint = ComputeFingerprint(documentCount, documentFrequency);
    }

    /// <summary>No corpus: every feature weighs the same (IDF 1).</summary>
    public static IdfTable Empty { get; } = new(0, new Dictionary<FeatureKey, int>());

    public int DocumentCount { get; }

    public int FeatureCount => _documentFrequency.Count;

    /// <summary>16 hex digits identifying this table's content.</summary>
    public string Fingerprint { get; }

    /// <summary>Fits the table on <paramref name="documents"/> (order does not matter).</summary>
    public static IdfTable Fit(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Feature extraction in parallel; the merge only adds, so the order does not matter.
        var perDocument = documents.AsParallel().Select(d => TextFeatures.Count(d).Keys.ToArray()).ToList();
        var frequency = new Dictionary<FeatureKey, int>();
        foreach (var keys in perDocument)
        {
            foreach (var key in keys)
            {
                frequency[key] = frequency.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        return new IdfTable(perDocument.Count, frequency);
    }

    internal float Idf(FeatureKey key) =>
        _documentFrequency.TryGetValue(key, out var df) ? Smooth(DocumentCount, df) : _unseenIdf;

    // Smoothed IDF (as scikit-learn's smooth_idf): ln((1 + N) / (1 + df)) + 1, never zero.
    private static float Smooth(int documents, int df) => (float)(Math.Log((1.0 + documents) / (1.0 + df)) + 1.0);

    private static string ComputeFingerprint(int documentCount, IReadOnlyDictionary<FeatureKey, int> frequency)
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
