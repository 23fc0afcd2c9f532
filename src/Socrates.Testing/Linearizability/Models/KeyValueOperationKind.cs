namespace Socrates.Testing.Linearizability.Models;

/// <summary>The operations of a key-value store.</summary>
public enum KeyValueOperationKind
{
    Get,
    Put,
    Append,
}
