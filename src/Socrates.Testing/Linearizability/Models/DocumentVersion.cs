namespace Socrates.Testing.Linearizability.Models;

/// <summary>A stored document: its version (1 after creation, +1 per save) and value.</summary>
public sealed record DocumentVersion(long Version, string Value)
{
    public override string ToString() => $"v{Version} \"{Value}\"";
}
