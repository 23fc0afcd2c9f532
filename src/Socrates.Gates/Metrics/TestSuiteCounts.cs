namespace Socrates.Gates.Metrics;

/// <summary>
/// What one test-result file says. An unreadable file has <see cref="Error"/> set and counts as
/// one failure, so a broken result file can never let a run go green.
/// </summary>
internal sealed record TestSuiteCounts(string Suite, int Total, int Passed, int Failed, int Skipped, string Source, string? Error = null)
{
    public bool Readable => Error is null;

    /// <summary>The tests that failed (at most <see cref="TrxSource.MaxFailedTestsListed"/> per file), in file order.</summary>
    public IReadOnlyList<FailedTest> FailedTests { get; init; } = [];
}
