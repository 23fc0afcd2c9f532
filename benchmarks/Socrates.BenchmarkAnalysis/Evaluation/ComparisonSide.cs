namespace Socrates.BenchmarkAnalysis.Evaluation;

/// <summary>
/// One side of a comparison as evidence: which benchmark, where its numbers came from, and its
/// samples with their summary. <see cref="SampleUnit"/> is "ns" for a same-run comparison and
/// "x reference" for a regression (time divided by the in-run reference benchmark's median).
/// </summary>
public sealed record ComparisonSide(
    string Label,
    string Benchmark,
    string Source,
    string SampleUnit,
    int Count,
    double? Median,
    double? Q1,
    double? Q3,
    double? Min,
    double? Max,
    IReadOnlyList<double> Samples,
    double? BytesAllocatedPerOperation);
