using Socrates.Gates.Metrics;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// What a canary's folder (<c>canaries/{gate}/</c>) holds: the figures measured under the canary,
/// how many tests its result files show executed (passed or failed, not skipped) and failed, and
/// the pipeline's note when it could not target the canary at all (<c>canary-problem.txt</c>).
/// </summary>
internal sealed record CanaryRun(MetricSet Metrics, int ExecutedTests, int FailedTests, string? Problem = null)
{
    /// <summary>The file in which the pipeline says why it could not run a gate's canary.</summary>
    public const string ProblemFile = "canary-problem.txt";
}
