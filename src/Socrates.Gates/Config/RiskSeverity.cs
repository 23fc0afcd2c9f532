namespace Socrates.Gates.Config;

/// <summary>How bad it is if a risk comes true.</summary>
public enum RiskSeverity
{
    Critical,
    High,
    Medium,
    Low,
}
