using Socrates.Gates.Config;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// Places every risk of the register: untested when no gate of this profile names it; at risk
/// when one of those gates failed, is missing or has an insensitive canary (a gate that cannot
/// fail retires nothing); inconclusive when one could not be measured cleanly; passing, unproven
/// when all are green but one's canary was not verified in this run (a green gate never shown
/// able to go red retires its risk only on trust); otherwise verified. Flagged when a gate only
/// warned.
/// </summary>
internal static class RiskEvaluator
{
    public static IReadOnlyList<RiskResult> Evaluate(IReadOnlyList<RiskDefinition> risks, IReadOnlyList<GateResult> results)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(results);
        return [.. risks.Select(risk => Evaluate(risk, results))];
    }

    public static RiskResult Evaluate(RiskDefinition risk, IReadOnlyList<GateResult> results)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var gates = results
            .Where(r => r.Status != GateStatus.Skipped && r.Gate.Risks.Contains(risk.Id, StringComparer.Ordinal))
            .ToList();
        var ids = gates.Select(g => g.Gate.Id).ToList();
        if (gates.Count == 0)
        {
            return new RiskResult(risk, RiskStatus.Untested, ids, false);
        }

        var warned = gates.Any(g => g.Status == GateStatus.Warn);
        var status = gates.Any(g => g.IsRed || g.Canary.Status == CanaryStatus.Insensitive) ? RiskStatus.AtRisk
            : gates.Any(g => g.Status == GateStatus.Inconclusive) ? RiskStatus.Inconclusive
            : gates.Any(g => g.Canary.Status != CanaryStatus.Verified) ? RiskStatus.PassingUnproven
            : RiskStatus.Verified;
        return new RiskResult(risk, status, ids, warned);
    }
}
