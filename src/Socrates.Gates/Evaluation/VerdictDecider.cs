namespace Socrates.Gates.Evaluation;

/// <summary>
/// NO-GO if a gate failed or is missing, if a canary is insensitive, if canaries were expected
/// and one did not run, or if no gate applied at all (nothing was proven). Otherwise
/// INCONCLUSIVE if a gate (or, when canaries were expected, a canary) could not be measured
/// cleanly: it blocks GO without calling the code bad. Otherwise GO WITH WARNINGS if a gate
/// warned, else GO. Skipped gates do not count.
/// </summary>
internal static class VerdictDecider
{
    public static RunVerdict Decide(IReadOnlyList<GateResult> results, bool canariesExpected)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counted = results.Where(r => r.Status != GateStatus.Skipped).ToList();
        var noGo = new List<string>();
        if (counted.Count == 0)
        {
            noGo.Add("no gate applies to this profile: nothing was proven");
        }

        foreach (var result in counted)
        {
            var id = result.Gate.Id;
            if (result.IsRed)
            {
                noGo.Add($"gate '{id}' {result.Status.ToString().ToLowerInvariant()}: {result.Reason}");
            }

            if (result.Canary.Status == CanaryStatus.Insensitive)
            {
                noGo.Add($"gate '{id}' canary insensitive: {result.Canary.Reason}");
            }

            if (canariesExpected && result.Canary.Status == CanaryStatus.NotRun)
            {
                noGo.Add($"gate '{id}' canary expected but not run: {result.Canary.Reason}");
            }
        }

        if (noGo.Count > 0)
        {
            return new RunVerdict(Verdict.NoGo, noGo);
        }

        var warnings = counted
            .Where(r => r.Status == GateStatus.Warn)
            .Select(r => $"gate '{r.Gate.Id}' warn: {r.Reason}")
            .ToList();
        var inconclusive = counted
            .Where(r => r.Status == GateStatus.Inconclusive)
            .Select(r => $"gate '{r.Gate.Id}' {r.Reason}")
            .Concat(counted
                .Where(r => canariesExpected && r.Canary.Status == CanaryStatus.Inconclusive)
                .Select(r => $"gate '{r.Gate.Id}' canary inconclusive: {r.Canary.Reason}"))
            .ToList();
        if (inconclusive.Count > 0)
        {
            return new RunVerdict(Verdict.Inconclusive, [.. inconclusive, .. warnings]);
        }

        return warnings.Count > 0 ? new RunVerdict(Verdict.GoWithWarnings, warnings) : new RunVerdict(Verdict.Go, []);
    }
}
