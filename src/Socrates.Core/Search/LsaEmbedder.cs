using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Socrates.Core.Search;

/// <summary>
/// Latent Semantic Analysis: the features of <see cref="HashingTfIdfEmbedder"/> (word unigrams and
/// bigrams, character n-grams optionally; sublinear TF x IDF, signed hashing) in a large sparse
/// space (<see cref="LsaOptions.Buckets"/>), projected onto
/// the top <see cref="Dimensions"/> right singular directions of the corpus' row-normalised
/// TF-IDF matrix (<see cref="TruncatedSvd"/>), then L2-normalised. Words that occur in the same
/// documents share directions, so texts about one topic land close together even when they share
/// few words: what lets an IVF partition keep a query's neighbours in a few lists. Offline and
/// deterministic: the fit sorts the corpus, uses a fixed seed and scalar double arithmetic in a
/// fixed order; the version carries the parameters and a checksum of the fitted basis.
/// </summary>
public sealed class LsaEmbedder : IEmbedder
{
    public const string EmbedderName = "lsa-tfidf";
    private const string AlgorithmRevision = "1";

    private static readonly ConcurrentDictionary<string, Lazy<LsaEmbedder>> s_cache = new(StringComparer.Ordinal);

    private readonly double[] _basis;

    private LsaEmbedder(LsaOptions options, IdfTable idf, double[] basis, double[] singularValues, TimeSpan fitTime)
    {
        Options = options;
        Idf = idf;
        _basis = basis;
        SingularValues = singularValues;
        FitTime = fitTime;
        BasisChecksum = Checksum(basis, singularValues);
        Version = string.Create(
            CultureInfo.InvariantCulture,
            $"{AlgorithmRevision}.d{options.Dimensions}.b{options.Buckets}.o{options.Oversampling}.q{options.PowerIterations}.p{options.SingularValuePower}.c{(options.CharacterNGrams ? 1 : 0)}.s{options.Seed}.n{idf.DocumentCount}.idf-{idf.Fingerprint}.basis-{BasisChecksum}");
    }

    public string Name => EmbedderName;

    public string Version { get; }

    public int Dimensions => Options.Dimensions;

    public LsaOptions Options { get; }

    /// <summary>The IDF half of the fitted state.</summary>
    public IdfTable Idf { get; }

    /// <summary>Singular values of the kept directions, largest first (zero beyond the corpus' rank).</summary>
    public IReadOnlyList<double> SingularValues { get; }

    /// <summary>16 hex digits identifying the fitted basis and singular values bit for bit.</summary>
    public string BasisChecksum { get; }

    /// <summary>How long the fit took (IDF, features, SVD): reported, not part of the function.</summary>
    public TimeSpan FitTime { get; }

    /// <summary>
    /// Fits the embedder on <paramref name="corpus"/> (order does not matter: the documents are
    /// sorted first).
    /// </summary>
    public static LsaEmbedder Fit(IEnumerable<string> corpus, LsaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new LsaOptions();
        options.Validate();
        var watch = Stopwatch.StartNew();
        var documents = corpus.Order(StringComparer.Ordinal).ToArray();
        var idf = IdfTable.Fit(documents);
        var rows = new SparseVector[documents.Length];
        Parallel.For(0, documents.Length, i => rows[i] = Features(documents[i], idf, options));
        var matrix = new SparseRowMatrix(rows, options.Buckets);
        var (basis, singular) = TruncatedSvd.Fit(matrix, options.Dimensions, options.Oversampling, options.PowerIterations, options.Seed);
        if (options.SingularValuePower > 0)
        {
            var dims = options.Dimensions;
            for (var offset = 0; offset < basis.Length; offset += dims)
            {
                for (var i = 0; i < dims; i++)
                {
                    basis[offset + i] *= Math.Pow(singular[i], options.SingularValuePower);
                }
            }
        }

        return new LsaEmbedder(options, idf, basis, singular, watch.Elapsed);
    }

    /// <summary>
    /// <see cref="Fit"/>, once per process for a given corpus (as an ordered sequence of texts)
    /// and options: the golden dataset, the CLI and the tests share one fitted instance.
    /// </summary>
    public static LsaEmbedder FitCached(IReadOnlyCollection<string> corpus, LsaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new LsaOptions();
        var hash = Fnv1a.Hash64((ulong)corpus.Count);
        foreach (var text in corpus.Order(StringComparer.Ordinal))
        {
            hash = Fnv1a.Hash64(text, hash);
            hash = Fnv1a.Hash64(ulong.MaxValue, hash);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{hash:x16}|{options}");
        return s_cache.GetOrAdd(key, _ => new Lazy<LsaEmbedder>(() => Fit(corpus, options))).Value;
    }

    /// <summary>The same basis with other IDF weights: a different function, hence a different version.</summary>
    public LsaEmbedder WithIdf(IdfTable idf)
    {
        ArgumentNullException.ThrowIfNull(idf);
        return new LsaEmbedder(Options, idf, _basis, [.. SingularValues], FitTime);
    }

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var features = Features(text, Idf, Options);
        var dims = Options.Dimensions;
        var accumulator = new double[dims];
        for (var n = 0; n < features.Indices.Length; n++)
        {
            var value = features.Values[n];
            var row = _basis.AsSpan(features.Indices[n] * dims, dims);
            for (var i = 0; i < dims; i++)
            {
                accumulator[i] += value * row[i];
            }
        }

        var norm = 0.0;
        foreach (var v in accumulator)
        {
            norm += v * v;
        }

        var vector = new float[dims];
        if (norm > 0)
        {
            var scale = 1.0 / Math.Sqrt(norm);
            for (var i = 0; i < dims; i++)
            {
                vector[i] = (float)(accumulator[i] * scale);
            }
        }

        return vector;
    }

    // The sparse, L2-normalised TF-IDF vector of a text in the bucket space, indices ascending.
    internal static SparseVector Features(string text, IdfTable idf, LsaOptions options)
    {
        var buckets = new Dictionary<int, double>();
        var weights = TextFeatures.KindWeights;
        var mask = (ulong)(options.Buckets - 1);
        foreach (var (key, tf) in TextFeatures.Count(text))
        {
            if (!options.CharacterNGrams && key.Kind >= 2)
            {
                continue;
            }

            var weight = (1.0 + Math.Log(tf)) * idf.Idf(key) * weights[key.Kind];
            var mixed = Mix(key.Hash ^ ((ulong)key.Kind << 32));
            var bucket = (int)(mixed & mask);
            var signed = (mixed >> 63) == 0 ? weight : -weight;
            buckets[bucket] = buckets.TryGetValue(bucket, out var existing) ? existing + signed : signed;
        }

        var indices = buckets.Where(p => p.Value != 0).Select(p => p.Key).Order().ToArray();
        if (indices.Length == 0)
        {
            return SparseVector.Empty;
        }

        var values = new double[indices.Length];
        var norm = 0.0;
        for (var n = 0; n < indices.Length; n++)
        {
            values[n] = buckets[indices[n]];
            norm += values[n] * values[n];
        }

        var inverse = 1.0 / Math.Sqrt(norm);
        for (var n = 0; n < values.Length; n++)
        {
            values[n] *= inverse;
        }

        return new SparseVector(indices, values);
    }

    // splitmix64 finaliser: the bucket (low bits) and the sign (top bit) are independent.
    private static ulong Mix(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string Checksum(double[] basis, double[] singularValues)
    {
        var hash = Fnv1a.Offset64;
        foreach (var value in singularValues)
        {
            hash = Fnv1a.Hash64((ulong)BitConverter.DoubleToInt64Bits(value), hash);
        }

        foreach (var value in basis)
        {
            hash = Fnv1a.Hash64((ulong)BitConverter.DoubleToInt64Bits(value), hash);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
