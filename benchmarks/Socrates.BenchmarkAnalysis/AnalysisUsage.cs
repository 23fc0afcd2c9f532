namespace Socrates.BenchmarkAnalysis;

/// <summary>The tool's usage text: every command with its options (each command's own summary says more).</summary>
internal static class AnalysisUsage
{
    /// <summary>Exit code of a call that names no known command.</summary>
    public const int UsageExitCode = 2;

    public const string Text = """
        Socrates.BenchmarkAnalysis: benchmark results in, metric files and baselines out.

        Commands:
          bench-compare    BenchmarkDotNet results against the comparisons file (and a stored baseline):
                           one metric per comparison, evidence in {artifacts}/benchmarks/comparisons.*
                           --comparisons FILE --artifacts DIR [--results DIR] [--baseline FILE]
                           [--profile NAME] [--failpoints a,b] [--metric NAME ...]
          baseline         stores a BenchmarkDotNet run as a profile's baseline
                           --comparisons FILE --results DIR --profile NAME --out FILE [--failpoints a,b]
          paired-compare   the paired harness's rounds: a signed-rank test per pair, one metric each
                           (and {id}.regression against a paired baseline)
                           --artifacts DIR [--paired DIR] [--confidence P] [--profile NAME] [--failpoints a,b]
                           [--baseline FILE] [--regression-confidence P] [--metric NAME ...]
          paired-baseline  stores several paired runs as a profile's paired baseline
                           --runs DIR --out FILE --profile NAME

        Exit codes: 0 done; 1 a comparison or pair produced no metric (or nothing was written); 2 wrong usage.
        """;
}
