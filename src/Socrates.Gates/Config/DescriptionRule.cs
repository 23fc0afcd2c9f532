namespace Socrates.Gates.Config;

/// <summary>
/// Every gate and every risk says in words what it is about and what to do when it goes red (its
/// runbook): a threshold nobody can explain cannot be reviewed, and a red gate should tell the
/// reader what broke and where to look. Legal for <c>evaluate</c> (a run is still decided), an
/// error for <c>validate</c>, so a new gate cannot arrive without them.
/// </summary>
internal static class DescriptionRule
{
    public static IReadOnlyList<GateConfigProblem> Problems(GateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            .. config.Risks
                .Select((risk, index) => (risk, index))
                .Where(r => r.risk.Description is null)
                .Select(r => new GateConfigProblem(
                    config.File,
                    null,
                    $"risks[{r.index}] ('{r.risk.Id}').description",
                    "no description: say what goes wrong for the user and which gates retire it")),
            .. config.Gates
                .Where(g => g.Description is null)
                .Select(g => new GateConfigProblem(
                    config.File,
                    g.Id,
                    "description",
                    "no description: say what it measures, why its lines sit where they do, and what its canary injects")),
            .. config.Risks
                .Select((risk, index) => (risk, index))
                .Where(r => r.risk.Runbook is null)
                .Select(r => new GateConfigProblem(
                    config.File,
                    null,
                    $"risks[{r.index}] ('{r.risk.Id}').runbook",
                    "no runbook: say what this risk at risk means for the release ('red') and where to look first ('causes')")),
            .. config.Gates
                .Where(g => g.Runbook is null)
                .Select(g => new GateConfigProblem(
                    config.File,
                    g.Id,
                    "runbook",
                    "no runbook: say what red means for the release ('red') and its likely causes ('causes')")),
        ];
    }
}
