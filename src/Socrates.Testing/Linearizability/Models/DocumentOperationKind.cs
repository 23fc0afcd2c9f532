namespace Socrates.Testing.Linearizability.Models;

/// <summary>The operations of a versioned document store.</summary>
public enum DocumentOperationKind
{
    Save,
    Load,
    Delete,
}
