namespace Socrates.Benchmarks.Paired;

/// <summary>
/// One paired comparison: <paramref name="Id"/> is the metric it becomes; <paramref name="Kind"/>
/// "speedup" (baseline/candidate, higher is better) or "ratio" (candidate/baseline, lower is
/// better). Each side is one operation, called exactly as its BenchmarkDotNet benchmark is.
/// </summary>
public sealed record PairDefinition(
    string Id,
    string Title,
    string Kind,
    string BaselineName,
    Action Baseline,
    string CandidateName,
    Action Candidate)
{
    public const string Speedup = "speedup";
    public const string Ratio = "ratio";

    public static PairDefinition Pair(string id, string title, string kind, (string Name, Action Run) before, (string Name, Action Run) after) =>
        new(id, title, kind, before.Name, before.Run, after.Name, after.Run);
}
