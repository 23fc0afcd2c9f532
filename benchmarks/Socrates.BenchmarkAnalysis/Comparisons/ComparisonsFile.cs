namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>The comparisons file (benchmarks/comparisons.json): the reference benchmark and every comparison.</summary>
public sealed record ComparisonsFile(string Path, BenchmarkSelector? Reference, IReadOnlyList<ComparisonDefinition> Comparisons);
