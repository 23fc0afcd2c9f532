using Socrates.Evidence;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>
/// A paired, interleaved comparison: per round the log ratio d = log(candidate/baseline); the
/// Wilcoxon signed-rank test of d against 0 and the one-sample Hodges-Lehmann estimate with its
/// confidence interval, turned back into time ratios. The metric follows bench-compare's
/// conventions: a speed-up's value is the lower bound of baseline/candidate, a ratio's the upper
/// bound of candidate/baseline, and either is 1 when no difference counts (not significant, or
/// within the relative noise floor).
/// </summary>
public sealed record PairedComparison(
    string Id,
    string Kind,
    int Rounds,
    double Ratio,
    double RatioLower,
    double RatioUpper,
    WilcoxonSignedRankResult Test,
    bool Significant,
    bool WithinNoiseFloor,
    double Value,
    double Estimate,
    double Lower,
    double Upper)
{
    public bool IsDifference => Significant && !WithinNoiseFloor;

    /// <summary>
    /// The median of the rounds' time ratios (candidate/baseline): the run's figure for the
    /// regression check against stored runs. A median, not <see cref="Ratio"/> (Hodges-Lehmann),
    /// because it ignores up to half of the rounds disturbed while the Hodges-Lehmann estimate
    /// moves once about 29 % are: in some processes a third of the rounds ran the point load's
    /// floor 1.5x slower, and the estimate read 0.92 where the median read 1.08 (docs/benchmarks.md, "Why one process per pair, pinned JIT and the least disturbed of five").
    /// </summary>
    public double MedianRatio { get; init; }

    public const string Unit = "x";

    public string Verdict => !IsDifference ? "no difference"
        : Ratio < 1 ? "candidate faster" : "candidate slower";

    /// <summary>Compares the rounds of <paramref name="samples"/>; an error instead when they cannot give a bounded interval.</summary>
    public static (PairedComparison? Comparison, string? Error) Compute(PairedSamples samples, NoiseFloors settings)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(settings);
        if (samples.Kind is not (PairedSamples.SpeedupKind or PairedSamples.RatioKind))
        {
            return (null, $"kind '{samples.Kind}' is neither '{PairedSamples.SpeedupKind}' nor '{PairedSamples.RatioKind}'");
        }

        if (samples.Rounds.Count == 0)
        {
            return (null, "no rounds were measured");
        }

        if (samples.Rounds.Any(r => !(r.BaselineNs > 0) || !(r.CandidateNs > 0) || !double.IsFinite(r.BaselineNs) || !double.IsFinite(r.CandidateNs)))
        {
            return (null, "a round's time is not a positive finite number");
        }

        var logRatios = samples.Rounds.Select(r => Math.Log(r.CandidateNs / r.BaselineNs)).ToArray();
        var shift = PairedHodgesLehmann.Estimate(logRatios, settings.Confidence);
        if (!shift.IsBounded)
        {
            return (null, $"{logRatios.Length} rounds are too few for a {settings.Confidence:P1} confidence interval; run more rounds");
        }

        var test = WilcoxonSignedRankTest.Run(logRatios);
        var ratio = Math.Exp(shift.Estimate);
        var medianRatio = Math.Exp(SampleStatistics.Median(logRatios));
        double lower = Math.Exp(shift.Lower), upper = Math.Exp(shift.Upper);
        var medianDifferenceNs = Math.Abs(
            SampleStatistics.Median(samples.Rounds.Select(r => r.CandidateNs).ToArray()) -
            SampleStatistics.Median(samples.Rounds.Select(r => r.BaselineNs).ToArray()));
        var significant = test.IsSignificant(settings.Confidence);
        var within = Math.Abs(ratio - 1) < settings.Relative || medianDifferenceNs < settings.AbsoluteNs;
        var difference = significant && !within;
        return samples.Kind == PairedSamples.SpeedupKind
            ? (new PairedComparison(samples.Id, samples.Kind, logRatios.Length, ratio, lower, upper, test, significant, within,
                Value: difference ? 1 / upper : 1, Estimate: 1 / ratio, Lower: 1 / upper, Upper: 1 / lower) { MedianRatio = medianRatio }, null)
            : (new PairedComparison(samples.Id, samples.Kind, logRatios.Length, ratio, lower, upper, test, significant, within,
                Value: difference ? upper : 1, Estimate: ratio, Lower: lower, Upper: upper) { MedianRatio = medianRatio }, null);
    }
}
