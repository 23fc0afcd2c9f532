namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// A two-sided Wilcoxon signed-rank test of paired differences against a median of 0.
/// <see cref="TPlus"/> is the sum of the (mid-)ranks of |d| over the positive differences, zeros
/// dropped; <see cref="Size"/> counts the nonzero differences; its null mean is Size(Size+1)/4.
/// </summary>
public sealed record WilcoxonSignedRankResult(
    int Size,
    int Zeros,
    double TPlus,
    double Z,
    double PValue,
    MannWhitneyMethod Method,
    bool HasTies)
{
    /// <summary>True when the difference is significant at <paramref name="confidence"/> (p &lt; 1 - confidence).</summary>
    public bool IsSignificant(double confidence) => PValue < 1 - confidence;
}
