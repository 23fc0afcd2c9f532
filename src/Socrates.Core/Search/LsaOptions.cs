namespace Socrates.Core.Search;

/// <summary>
/// Parameters of <see cref="LsaEmbedder"/>; every one is part of the embedder's version.
/// </summary>
public sealed record LsaOptions
{
    /// <summary>Output dimensions: the number of singular directions kept.</summary>
    public int Dimensions { get; init; } = 384;

    /// <summary>Hashed feature buckets of the sparse TF-IDF space the SVD is computed in (a power of two).</summary>
    public int Buckets { get; init; } = 1 << 14;

    /// <summary>Extra random directions of the range finder beyond <see cref="Dimensions"/>.</summary>
    public int Oversampling { get; init; } = 16;

    /// <summary>Power iterations of the range finder (each sharpens the top of the spectrum).</summary>
    public int PowerIterations { get; init; } = 2;

    /// <summary>
    /// Whether character 3/4-grams join the word and bigram features. Off by default: on the
    /// golden corpus they made no measurable difference to IVF recall and cost 2-3x in fit and
    /// embedding time (4.7x the non-zeros).
    /// </summary>
    public bool CharacterNGrams { get; init; }

    /// <summary>
    /// Exponent of the singular value each direction is scaled by: 0 is classic LSA folding-in
    /// (a text's coordinates are its projections), 1 weighs each direction by its singular value
    /// (dominant topics count more).
    /// </summary>
    public int SingularValuePower { get; init; }

    /// <summary>Seed of the range finder's random test matrix.</summary>
    public ulong Seed { get; init; } = 20_261_122;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 8, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfLessThan(Buckets, Dimensions, nameof(Buckets));
        if (!int.IsPow2(Buckets))
        {
            throw new ArgumentOutOfRangeException(nameof(Buckets), Buckets, "Buckets must be a power of two.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Oversampling, nameof(Oversampling));
        ArgumentOutOfRangeException.ThrowIfNegative(PowerIterations, nameof(PowerIterations));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PowerIterations, 8, nameof(PowerIterations));
        ArgumentOutOfRangeException.ThrowIfNegative(SingularValuePower, nameof(SingularValuePower));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SingularValuePower, 2, nameof(SingularValuePower));
    }
}
