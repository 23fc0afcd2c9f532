namespace Socrates.Gates.Canaries;

/// <summary>
/// One run of the canary phase: the defect (failpoint or fixture) on, and only what feeds the
/// run's gates: <see cref="Tests"/> for test suites, <see cref="BenchmarkMetrics"/> for the
/// benchmark suite, nothing for a fixture the engine reads directly (coverage). Gates of one
/// suite with the same defect share a run. <see cref="Problems"/> names the gates this run
/// cannot show sensitive, and why (their canary comes out "not run" with that reason).
/// </summary>
internal sealed record CanaryRun(
    IReadOnlyList<string> Gates,
    string Suite,
    string? Failpoint,
    string? Fixture,
    IReadOnlyList<TestTarget> Tests,
    IReadOnlyList<string> BenchmarkMetrics,
    IReadOnlyDictionary<string, string> Problems);
