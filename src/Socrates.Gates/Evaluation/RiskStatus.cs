namespace Socrates.Gates.Evaluation;

/// <summary>Where a risk of the register stands after a run.</summary>
public enum RiskStatus
{
    /// <summary>
    /// Every gate naming it in this profile passed (or only warned) and every one of those gates'
    /// canaries was verified in this run: the gates are green and shown able to go red.
    /// </summary>
    Verified,

    /// <summary>A gate naming it failed, is missing, or has an insensitive canary.</summary>
    AtRisk,

    /// <summary>No gate in this profile names it.</summary>
    Untested,

    /// <summary>
    /// Its gates are green, but the sensitivity of at least one was not shown in this run (a
    /// canary not run or inconclusive, or a gate without a canary): passing, unproven.
    /// </summary>
    PassingUnproven,

    /// <summary>No gate naming it is red, but one could not be measured cleanly.</summary>
    Inconclusive,
}
