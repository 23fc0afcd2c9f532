namespace Socrates.BenchmarkAnalysis.Evaluation;

/// <summary>Every comparison of a run, plus what was read and what could not be.</summary>
public sealed record ComparisonReport(
    string ComparisonsFile,
    string ResultsDirectory,
    string? BaselineFile,
    string? BaselineCreatedAt,
    string? Host,
    string Profile,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> RunErrors,
    IReadOnlyList<ComparisonOutcome> Comparisons)
{
    /// <summary>Comparisons that produced no metric.</summary>
    public IReadOnlyList<ComparisonOutcome> Errors => [.. Comparisons.Where(c => !c.IsOk)];
}
