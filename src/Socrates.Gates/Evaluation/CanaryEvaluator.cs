using Socrates.Gates.Config;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// Judges a canary run: the gate is decided again on the figures measured with its failpoint on
/// (or on its known-bad fixture). Red there means the gate can see its defect: verified. Pass or
/// warn means it cannot: insensitive. A missing figure is red only when a test of the canary run
/// failed (its writer crashed under the defect); a run that executed no test proves nothing and
/// is not run, as is a canary the pipeline could not target. An inconclusive figure leaves the
/// canary unproven.
/// </summary>
internal static class CanaryEvaluator
{
    public const string NoTestExecuted = "the targeted canary run executed no test";

    /// <param name="run">The canary run's folder; null when it is absent.</param>
    public static CanaryResult Evaluate(GateDefinition gate, CanaryRun? run)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Canary is null)
        {
            return CanaryResult.NoCanary;
        }

        var label = gate.Canary.Describe();
        if (run is null)
        {
            return new CanaryResult(CanaryStatus.NotRun, null, null, $"{label}: not run (no canary artifacts)");
        }

        if (run.Problem is not null)
        {
            return new CanaryResult(CanaryStatus.NotRun, null, null, $"{label}: not run: {run.Problem}");
        }

        var sample = run.Metrics.Find(gate.Metric);
        if (sample is null)
        {
            return Missing(gate, run, label);
        }

        if (sample.IsInconclusive)
        {
            var last = double.IsFinite(sample.Value) ? sample.Value : (double?)null;
            return new CanaryResult(CanaryStatus.Inconclusive, GateStatus.Inconclusive, last, $"{label}: unproven, the figure under the canary is {GateEvaluator.Inconclusive(sample)}");
        }

        var status = GateEvaluator.Decide(gate.Direction, gate.Fail, gate.Warn, sample.Value);
        var explained = GateEvaluator.Explain(gate, status, sample.Value);
        var unlisted = gate.Canary.Failpoint is not null && sample.Failpoints is not null && !sample.Failpoints.Contains(gate.Canary.Failpoint, StringComparer.Ordinal)
            ? $"; note: {sample.Origin} does not list failpoint '{gate.Canary.Failpoint}' as active"
            : "";
        return status is GateStatus.Fail
            ? new CanaryResult(CanaryStatus.Verified, status, sample.Value, $"{label}: gate went red ({explained}){unlisted}")
            : new CanaryResult(CanaryStatus.Insensitive, status, sample.Value, $"{label}: gate stayed {status.ToString().ToLowerInvariant()} ({explained}): it cannot catch its defect{unlisted}");
    }

    private static CanaryResult Missing(GateDefinition gate, CanaryRun run, string label)
    {
        if (run.FailedTests > 0)
        {
            return new CanaryResult(
                CanaryStatus.Verified,
                GateStatus.Missing,
                null,
                $"{label}: metric '{gate.Metric}' went missing and {Tests(run.FailedTests)} failed (the writer crashed under the defect), the gate went red");
        }

        return run.ExecutedTests == 0
            ? new CanaryResult(CanaryStatus.NotRun, null, null, $"{label}: not run: {NoTestExecuted}")
            : new CanaryResult(
                CanaryStatus.NotRun,
                GateStatus.Missing,
                null,
                $"{label}: not proven: the canary run executed {Tests(run.ExecutedTests)}, none failed, and none wrote metric '{gate.Metric}' (the run did not reach the gate's test)");
    }

    private static string Tests(int count) => count == 1 ? "1 test" : $"{count} tests";
}
