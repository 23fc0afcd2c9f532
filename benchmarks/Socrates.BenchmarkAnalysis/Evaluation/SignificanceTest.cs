namespace Socrates.BenchmarkAnalysis.Evaluation;

/// <summary>The Mann-Whitney test of a timed comparison, as evidence (candidate against baseline).</summary>
public sealed record SignificanceTest(string Name, string Method, double U, double Z, double PValue, bool Significant);
