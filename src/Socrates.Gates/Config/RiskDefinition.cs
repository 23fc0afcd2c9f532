namespace Socrates.Gates.Config;

/// <summary>
/// One entry of the risk register: what could go wrong, how badly, and (<see cref="Description"/>)
/// what the user would suffer and which gates retire it.
/// </summary>
internal sealed record RiskDefinition(string Id, string Title, RiskSeverity Severity, string? Description = null)
{
    /// <summary>What this risk at risk means for the release, and where to look first; required by <c>validate</c>.</summary>
    public Runbook? Runbook { get; init; }
}
