namespace Socrates.Gates.Evaluation;

/// <summary>Whether a gate has shown that it can fail.</summary>
public enum CanaryStatus
{
    /// <summary>Under its canary the gate went red (fail or missing): it detects the defect.</summary>
    Verified,

    /// <summary>
    /// Not run in this pipeline: the canary's folder is absent, the pipeline could not target it,
    /// or its run executed no test (or none that reached the gate's metric).
    /// </summary>
    NotRun,

    /// <summary>Under its canary the gate still passed or warned: it cannot catch its defect. NO-GO.</summary>
    Insensitive,

    /// <summary>The gate names no canary.</summary>
    None,

    /// <summary>The figure under the canary could not be measured cleanly: the canary is unproven, neither verified nor insensitive.</summary>
    Inconclusive,
}
