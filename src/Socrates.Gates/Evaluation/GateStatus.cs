namespace Socrates.Gates.Evaluation;

/// <summary>How a gate came out.</summary>
public enum GateStatus
{
    /// <summary>On the safe side of every threshold (equal to a threshold passes).</summary>
    Pass,

    /// <summary>Past the warn threshold but not the fail threshold.</summary>
    Warn,

    /// <summary>Past the fail threshold.</summary>
    Fail,

    /// <summary>Nothing measured the metric: no evidence, no pass. Counts as a failure.</summary>
    Missing,

    /// <summary>The gate does not run in this profile; not counted.</summary>
    Skipped,

    /// <summary>
    /// The metric's writer could not measure cleanly (machine too busy, spread too wide): neither
    /// pass nor fail. Blocks GO; the reason is shown.
    /// </summary>
    Inconclusive,
}
