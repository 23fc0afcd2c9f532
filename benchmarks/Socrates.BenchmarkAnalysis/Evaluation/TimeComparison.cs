using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Evaluation;

/// <summary>
/// The statistics of candidate against baseline on a log scale: r = candidate/baseline, its
/// Hodges-Lehmann point estimate exp(median of log c_i - log b_j) and confidence interval, the
/// Mann-Whitney test of the two samples, and whether the difference is within the noise floors.
/// </summary>
internal sealed record TimeComparison(
    double Ratio,
    double RatioLower,
    double RatioUpper,
    MannWhitneyResult Test,
    bool Significant,
    bool WithinNoiseFloor,
    double MedianDifferenceNs)
{
    /// <summary>True when the difference counts: significant and beyond both noise floors.</summary>
    public bool IsDifference => Significant && !WithinNoiseFloor;

    /// <summary>
    /// Compares samples (both positive). <paramref name="nanosecondsPerUnit"/> turns a sample
    /// difference into nanoseconds for the absolute floor (1 for samples in ns; the reference
    /// median for normalised samples). Returns null with a reason when no bounded interval exists.
    /// </summary>
    public static (TimeComparison? Comparison, string? Error) Compute(
        IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, NoiseFloors settings, double nanosecondsPerUnit)
    {
        if (baseline.Concat(candidate).Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            return (null, "a time sample is not a positive number (a benchmark too small to measure has overhead-corrected times <= 0); make the benchmark do more work per operation");
        }

        var logBaseline = baseline.Select(s => Math.Log(s)).ToArray();
        var logCandidate = candidate.Select(s => Math.Log(s)).ToArray();
        var shift = HodgesLehmann.Estimate(logCandidate, logBaseline, settings.Confidence);
        if (!shift.IsBounded)
        {
            return (null, $"{baseline.Count} baseline and {candidate.Count} candidate samples are too few for a {settings.Confidence:P1} confidence interval; run more iterations or lower the confidence");
        }

        var test = MannWhitneyTest.Run(logCandidate, logBaseline);
        var ratio = Math.Exp(shift.Estimate);
        var medianDifferenceNs = Math.Abs(SampleStatistics.Median(candidate) - SampleStatistics.Median(baseline)) * nanosecondsPerUnit;
        var within = Math.Abs(ratio - 1) < settings.Relative || medianDifferenceNs < settings.AbsoluteNs;
        return (new TimeComparison(ratio, Math.Exp(shift.Lower), Math.Exp(shift.Upper), test, test.IsSignificant(settings.Confidence), within, medianDifferenceNs), null);
    }
}
