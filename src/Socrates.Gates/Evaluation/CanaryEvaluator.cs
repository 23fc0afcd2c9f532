using Socrates.Gates.Config;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// Judges a canary run: the gate is decided again on the figures measured with its failpoint on
/// (or on its known-bad fixture). Red there (fail or missing) means the gate can see its defect:
/// verified. Pass or warn means it cannot: insensitive. No canary artifacts: not run.
/// </summary>
internal static class CanaryEvaluator
{
    /// <param name="canaryMetrics">The canary run's figures; null when its folder is absent.</param>
    public static CanaryResult Evaluate(GateDefinition gate, MetricSet? canaryMetrics)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Canary is null)
        {
            return CanaryResult.NoCanary;
        }

        if (canaryMetrics is null)
        {
            return new CanaryResult(CanaryStatus.NotRun, null, null, $"{gate.Canary.Describe()}: not run (no canary artifacts)");
        }

        var sample = canaryMetrics.Find(gate.Metric);
        if (sample is null)
        {
            return new CanaryResult(
                CanaryStatus.Verified, GateStatus.Missing, null, $"{gate.Canary.Describe()}: metric '{gate.Metric}' went missing, the gate went red");
        }

        var status = GateEvaluator.Decide(gate.Direction, gate.Fail, gate.Warn, sample.Value);
        var explained = GateEvaluator.Explain(gate, status, sample.Value);
        var unlisted = gate.Canary.Failpoint is not null && sample.Failpoints is not null && !sample.Failpoints.Contains(gate.Canary.Failpoint, StringComparer.Ordinal)
            ? $"; note: {sample.Origin} does not list failpoint '{gate.Canary.Failpoint}' as active"
            : "";
        return status is GateStatus.Fail
            ? new CanaryResult(CanaryStatus.Verified, status, sample.Value, $"{gate.Canary.Describe()}: gate went red ({explained}){unlisted}")
            : new CanaryResult(CanaryStatus.Insensitive, status, sample.Value, $"{gate.Canary.Describe()}: gate stayed {status.ToString().ToLowerInvariant()} ({explained}): it cannot catch its defect{unlisted}");
    }
}
