namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>
/// One entry of the comparisons file. <see cref="Id"/> is the metric name written. Speed-up and
/// ratio compare <see cref="Baseline"/> with <see cref="Candidate"/> in the same run; a
/// regression compares <see cref="Benchmark"/> with its stored baseline, both normalised by
/// <see cref="Reference"/> when the entry names one (best: a reference method in the same
/// benchmark class, measured seconds from it), else by the file's reference.
/// </summary>
public sealed record ComparisonDefinition(
    string Id,
    string? Title,
    ComparisonKind Kind,
    ComparisonMeasure Measure,
    BenchmarkSelector? Baseline,
    BenchmarkSelector? Candidate,
    BenchmarkSelector? Benchmark,
    NoiseFloors Settings,
    BenchmarkSelector? Reference = null)
{
    /// <summary>The unit of the metric: "x" for speed-ups and ratios, "fraction" for regressions.</summary>
    public string Unit => Kind == ComparisonKind.Regression ? "fraction" : "x";

    /// <summary>The name of the point-estimate metric written next to a timed comparison.</summary>
    public string EstimateId => Id + ".estimate";

    /// <summary>Every metric this comparison writes: the value, and for time the point estimate too.</summary>
    public IReadOnlyList<string> MetricNames => Measure == ComparisonMeasure.Time ? [Id, EstimateId] : [Id];
}
