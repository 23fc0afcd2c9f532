namespace Socrates.BenchmarkAnalysis.Results;

/// <summary>Every benchmark read from a results folder, the host they ran on, and what could not be read.</summary>
public sealed record BenchmarkRunResults(
    IReadOnlyList<BenchmarkResult> Benchmarks,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Errors,
    string? Host)
{
    public static BenchmarkRunResults Empty { get; } = new([], [], [], null);
}
