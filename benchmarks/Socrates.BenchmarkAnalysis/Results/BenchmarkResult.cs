namespace Socrates.BenchmarkAnalysis.Results;

/// <summary>
/// One benchmark case as BenchmarkDotNet reported it: its names, its parameters, the time per
/// operation of every measured iteration (workload "Result" iterations: overhead subtracted,
/// upper outliers removed as BenchmarkDotNet does by default) and, with MemoryDiagnoser, the
/// managed bytes allocated per operation.
/// </summary>
public sealed record BenchmarkResult(
    string FullName,
    string Namespace,
    string Type,
    string Method,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<double> SamplesNs,
    double? BytesAllocatedPerOperation,
    string SourceFile)
{
    /// <summary>Parameters in BenchmarkDotNet's own form: <c>A=1&amp;B=x</c>.</summary>
    public string ParametersText => string.Join('&', Parameters.Select(p => p.Key + "=" + p.Value));
}
