using System.Globalization;

namespace Socrates.Core.Search;

/// <summary>
/// A deterministic, offline embedder: features (<see cref="TextFeatures"/>) weighted by
/// sublinear TF times IDF, folded into <see cref="Dimensions"/> buckets by signed hashing (the
/// sign, from a hash bit independent of the bucket, makes colliding features cancel on average
/// instead of piling up), then L2-normalised. Same text, same version: same bits, on any machine.
/// </summary>
public sealed class HashingTfIdfEmbedder : IEmbedder
{
    public const string EmbedderName = "hashing-tfidf";
    public const int DefaultDimensions = 384;
    private const string AlgorithmRevision = "1";

    public HashingTfIdfEmbedder(IdfTable idf, int dimensions = DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(idf);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        Idf = idf;
        Dimensions = dimensions;
        Version = string.Create(
            CultureInfo.InvariantCulture,
            $"{AlgorithmRevision}.d{dimensions}.n{idf.DocumentCount}.idf-{idf.Fingerprint}");
    }

    public string Name => EmbedderName;

    public string Version { get; }

    public int Dimensions { get; }

    /// <summary>The fitted state (part of <see cref="Version"/>).</summary>
    public IdfTable Idf { get; }

    /// <summary>An embedder fitted on <paramref name="corpus"/>.</summary>
    public static HashingTfIdfEmbedder Fit(IEnumerable<string> corpus, int dimensions = DefaultDimensions) =>
        new(IdfTable.Fit(corpus), dimensions);

    /// <summary>The same algorithm with other fitted state: a different version.</summary>
    public HashingTfIdfEmbedder WithIdf(IdfTable idf) => new(idf, Dimensions);

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var accumulator = new double[Dimensions];
        var weights = TextFeatures.KindWeights;
        foreach (var (key, tf) in TextFeatures.Count(text))
        {
            var weight = (1.0 + Math.Log(tf)) * Idf.Idf(key) * weights[key.Kind];
            var mixed = Mix(key.Hash);
            var bucket = (int)(((mixed & 0xFFFFFFFFUL) * (ulong)Dimensions) >> 32);
            accumulator[bucket] += (mixed >> 63) == 0 ? weight : -weight;
        }

        var norm = 0.0;
        foreach (var v in accumulator)
        {
            norm += v * v;
        }

        var vector = new float[Dimensions];
        if (norm > 0)
        {
            var scale = 1.0 / Math.Sqrt(norm);
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = (float)(accumulator[i] * scale);
            }
        }

        return vector;
    }

    // splitmix64 finaliser: spreads the 32-bit feature hash over 64 bits so that the bucket
    // (low half) and the sign (top bit) are independent.
    private static ulong Mix(uint hash)
    {
        var z = hash + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
