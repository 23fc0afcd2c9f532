namespace Socrates.Gates.Config;

/// <summary>How bad it is if a risk comes true.</summary>
internal enum RiskSeverity
{
    Critical,
    High,
    Medium,
    Low,
}
