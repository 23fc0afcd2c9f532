namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// A two-sided Mann-Whitney U test of sample x against sample y. <see cref="U"/> counts the pairs
/// (x_i, y_j) with x_i &gt; y_j, ties counting one half; under "same distribution" its mean is
/// n·m/2.
/// </summary>
public sealed record MannWhitneyResult(
    int SizeX,
    int SizeY,
    double U,
    double Z,
    double PValue,
    MannWhitneyMethod Method,
    bool HasTies)
{
    /// <summary>True when the difference is significant at <paramref name="confidence"/> (p &lt; 1 - confidence).</summary>
    public bool IsSignificant(double confidence) => PValue < 1 - confidence;
}
