namespace Socrates.Benchmarks.Paired;

/// <summary>
/// One paired comparison: <paramref name="Id"/> is the metric it becomes; <paramref name="Kind"/>
/// "speedup" (baseline/candidate, higher is better) or "ratio" (candidate/baseline, lower is
/// better). Each side is one operation, called exactly as its BenchmarkDotNet benchmark is, and
/// returns its result (the runner consumes it, so the JIT cannot drop a pure side as dead code).
/// </summary>
public sealed record PairDefinition(
    string Id,
    string Title,
    string Kind,
    string BaselineName,
    Func<long> Baseline,
    string CandidateName,
    Func<long> Candidate)
{
    public const string Speedup = "speedup";
    public const string Ratio = "ratio";

    public static PairDefinition Pair(string id, string title, string kind, (string Name, Func<long> Run) before, (string Name, Func<long> Run) after) =>
        new(id, title, kind, before.Name, before.Run, after.Name, after.Run);
}
