namespace Socrates.Gates.Evaluation;

/// <summary>Whether a gate has shown that it can fail.</summary>
public enum CanaryStatus
{
    /// <summary>Under its canary the gate went red (fail or missing): it detects the defect.</summary>
    Verified,

    /// <summary>The canary's artifacts are absent: not run in this pipeline.</summary>
    NotRun,

    /// <summary>Under its canary the gate still passed or warned: it cannot catch its defect. NO-GO.</summary>
    Insensitive,

    /// <summary>The gate names no canary.</summary>
    None,
}
