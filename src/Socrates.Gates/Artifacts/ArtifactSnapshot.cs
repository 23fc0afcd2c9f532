using Socrates.Gates.Metrics;

namespace Socrates.Gates.Artifacts;

/// <summary>Everything one artifacts folder holds, read once: figures, test counts, coverage, suite runs, problems.</summary>
internal sealed record ArtifactSnapshot(
    string Root,
    MetricSet Metrics,
    IReadOnlyList<TestSuiteCounts> TestSuites,
    CoverageSummary? Coverage,
    IReadOnlyList<SuiteRun> Suites,
    IReadOnlyList<InputProblem> Problems)
{
    /// <summary>Every file read to make this snapshot (full paths): inputs of the sources, evidence the metrics name, suites.json.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The uses of the user's own V1 database the suites recorded (a rehearsal); empty on generated data.</summary>
    public IReadOnlyList<Socrates.Evidence.RehearsalRecord> Rehearsals { get; init; } = [];

    /// <summary>Tests the result files show executed: passed or failed, not skipped.</summary>
    public int ExecutedTests => TestSuites.Sum(t => t.Passed + t.Failed);

    /// <summary>Tests the result files show failed (an unreadable file counts one).</summary>
    public int FailedTests => TestSuites.Sum(t => t.Failed);
}
