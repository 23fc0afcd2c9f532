using Socrates.Gates.Metrics;

namespace Socrates.Gates.Artifacts;

/// <summary>Everything one artifacts folder holds, read once: figures, test counts, coverage, suite runs, problems.</summary>
internal sealed record ArtifactSnapshot(
    string Root,
    MetricSet Metrics,
    IReadOnlyList<TestSuiteCounts> TestSuites,
    CoverageSummary? Coverage,
    IReadOnlyList<SuiteRun> Suites,
    IReadOnlyList<InputProblem> Problems);
