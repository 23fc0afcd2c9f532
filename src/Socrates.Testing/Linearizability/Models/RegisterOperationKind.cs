namespace Socrates.Testing.Linearizability.Models;

/// <summary>The operations of a (compare-and-set) register.</summary>
public enum RegisterOperationKind
{
    Read,
    Write,
    Cas,
}
