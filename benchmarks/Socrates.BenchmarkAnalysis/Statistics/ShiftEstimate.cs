namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// The Hodges-Lehmann estimate of the shift of x relative to y (the median of all pairwise
/// differences x_i - y_j) with its confidence interval. A bound is infinite when the samples are
/// too small for the requested confidence (e.g. three values each cannot give 95 %).
/// </summary>
public sealed record ShiftEstimate(double Estimate, double Lower, double Upper, double Confidence, MannWhitneyMethod Method)
{
    /// <summary>True when both bounds are finite.</summary>
    public bool IsBounded => double.IsFinite(Lower) && double.IsFinite(Upper);
}
