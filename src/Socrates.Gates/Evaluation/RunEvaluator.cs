using Socrates.Gates.Config;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// Decides a whole run, purely: each gate on the main figures, each applicable canary on the
/// canary run its lookup returns (null = not run), then the risks and the verdict.
/// </summary>
internal static class RunEvaluator
{
    public static RunEvaluation Evaluate(
        GateConfig config,
        MetricSet metrics,
        string profile,
        Func<GateDefinition, CanaryRun?> canaryRuns,
        bool canariesExpected)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(canaryRuns);
        var results = new List<GateResult>();
        foreach (var gate in config.Gates)
        {
            var result = GateEvaluator.Evaluate(gate, metrics, profile);
            if (result.Status != GateStatus.Skipped && gate.Canary is not null)
            {
                result = result with { Canary = CanaryEvaluator.Evaluate(gate, canaryRuns(gate)) };
            }

            results.Add(result);
        }

        var risks = RiskEvaluator.Evaluate(config.Risks, results);
        return new RunEvaluation(profile, results, risks, VerdictDecider.Decide(results, canariesExpected));
    }
}
