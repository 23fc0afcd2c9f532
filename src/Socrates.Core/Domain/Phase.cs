namespace Socrates.Core.Domain;

/// <summary>The Socratic phase a project is in (V1 stores the lower-case name).</summary>
public enum Phase
{
    Discovery,
    Analysis,
    Design,
    Implementation,
}
