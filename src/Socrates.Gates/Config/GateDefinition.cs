namespace Socrates.Gates.Config;

/// <summary>
/// One gate: a metric, which way is safe, the red (<see cref="Fail"/>) and optional yellow
/// (<see cref="Warn"/>) thresholds, the risks it retires and the canary that proves it can fail.
/// </summary>
internal sealed record GateDefinition(
    string Id,
    string Title,
    IReadOnlyList<string> Risks,
    string Metric,
    Direction Direction,
    double Fail,
    double? Warn,
    string Unit,
    IReadOnlyList<string> Profiles,
    string Suite,
    CanaryDefinition? Canary,
    string? Description)
{
    /// <summary>What red means for the release and its likely causes; required by <c>validate</c>.</summary>
    public Runbook? Runbook { get; init; }

    /// <summary>Whether the gate is decided in <paramref name="profile"/> (otherwise it is skipped).</summary>
    public bool AppliesTo(string profile) => Profiles.Contains(profile, StringComparer.Ordinal);
}
