using System.Globalization;
using System.Numerics.Tensors;

namespace Socrates.Core.Search;

/// <summary>
/// Not pinned; an experiment (Search README, "Is it the queries or the embedder?"). A text's
/// vector is the SIF-weighted mean of its words' pre-trained vectors (Arora et al. 2017, the
/// weighting step only): word w weighs a / (a + p(w)), p fitted on a corpus, so frequent words
/// count little and unseen ones fully; words without a vector are skipped. L2-normalised.
/// Version covers the word vectors' checksum and the frequency table's fingerprint.
/// </summary>
public sealed class WordVectorSifEmbedder : IEmbedder
{
    public const string EmbedderName = "word-vectors-sif";
    public const double DefaultSmoothing = 1e-3;
    private const string AlgorithmRevision = "1";

    private readonly WordVectors _vectors;
    private readonly Dictionary<string, long> _counts;
    private readonly long _total;
    private readonly double _smoothing;

    private WordVectorSifEmbedder(WordVectors vectors, Dictionary<string, long> counts, long total, double smoothing)
    {
        _vectors = vectors;
        _counts = counts;
        _total = total;
        _smoothing = smoothing;
        var fingerprint = Fnv1a.Hash64((ulong)total);
        foreach (var (word, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            fingerprint = Fnv1a.Hash64(Fnv1a.Hash64(word.AsSpan()), fingerprint);
            fingerprint = Fnv1a.Hash64((ulong)count, fingerprint);
        }

        Version = string.Create(
            CultureInfo.InvariantCulture,
            $"{AlgorithmRevision}.d{vectors.Dimensions}.a{smoothing:R}.vectors-{vectors.Checksum}.freq-{fingerprint:x16}");
    }

    public string Name => EmbedderName;

    public string Version { get; }

    public int Dimensions => _vectors.Dimensions;

    /// <summary>Fits the word frequencies on <paramref name="corpus"/>.</summary>
    public static WordVectorSifEmbedder Fit(WordVectors vectors, IEnumerable<string> corpus, double smoothing = DefaultSmoothing)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(smoothing);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var total = 0L;
        foreach (var text in corpus)
        {
            foreach (var word in TextFeatures.Tokenize(text))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
                total++;
            }
        }

        return new WordVectorSifEmbedder(vectors, counts, total, smoothing);
    }

    /// <summary>The words of every text, as this embedder splits them (to load only the vectors needed).</summary>
    public static HashSet<string> Vocabulary(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. texts.SelectMany(TextFeatures.Tokenize)];
    }

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sum = new float[Dimensions];
        foreach (var word in TextFeatures.Tokenize(text))
        {
            if (_vectors.TryGet(word, out var vector))
            {
                var probability = _total == 0 ? 0.0 : (double)_counts.GetValueOrDefault(word) / _total;
                TensorPrimitives.MultiplyAdd(vector, (float)(_smoothing / (_smoothing + probability)), sum, sum);
            }
        }

        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0)
        {
            TensorPrimitives.Divide(sum, norm, sum);
        }

        return sum;
    }
}
