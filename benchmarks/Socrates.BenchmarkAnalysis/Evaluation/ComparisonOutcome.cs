using Socrates.BenchmarkAnalysis.Comparisons;

namespace Socrates.BenchmarkAnalysis.Evaluation;

/// <summary>
/// The result of one comparison. When <see cref="Status"/> is "ok", <see cref="Value"/> is the
/// metric written under <see cref="Id"/> (the conservative bound, see docs/benchmarks.md) and
/// <see cref="Estimate"/> the point estimate; <see cref="Lower"/>/<see cref="Upper"/> bound the
/// same quantity. When it is "error", <see cref="Error"/> says why and no metric is written.
/// </summary>
public sealed record ComparisonOutcome(
    string Id,
    string? Title,
    string Kind,
    string Measure,
    string Unit,
    string Status,
    string? Error,
    double? Value,
    double? Estimate,
    double? Lower,
    double? Upper,
    double? Confidence,
    double? RelativeNoiseFloor,
    double? AbsoluteNoiseFloorNs,
    SignificanceTest? Test,
    bool? WithinNoiseFloor,
    string? Verdict,
    string? Normalisation,
    ComparisonSide? Baseline,
    ComparisonSide? Candidate)
{
    public const string Ok = "ok";
    public const string Failed = "error";

    public bool IsOk => Status == Ok;

    internal static ComparisonOutcome ForError(ComparisonDefinition definition, string error, ComparisonSide? baseline = null, ComparisonSide? candidate = null) =>
        new(
            definition.Id,
            definition.Title,
            KindName(definition.Kind),
            MeasureName(definition.Measure),
            definition.Unit,
            Failed,
            error,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            baseline,
            candidate);

    internal static string KindName(ComparisonKind kind) => kind switch
    {
        ComparisonKind.Speedup => "speedup",
        ComparisonKind.Ratio => "ratio",
        _ => "regression",
    };

    internal static string MeasureName(ComparisonMeasure measure) => measure == ComparisonMeasure.Time ? "time" : "allocated";
}
