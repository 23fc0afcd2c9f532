namespace Socrates.Gates.Evaluation;

/// <summary>Where a risk of the register stands after a run.</summary>
public enum RiskStatus
{
    /// <summary>Every gate naming it in this profile passed (or only warned) and none has an insensitive canary.</summary>
    Verified,

    /// <summary>A gate naming it failed, is missing, or has an insensitive canary.</summary>
    AtRisk,

    /// <summary>No gate in this profile names it.</summary>
    Untested,
}
