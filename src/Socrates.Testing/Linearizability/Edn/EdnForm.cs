namespace Socrates.Testing.Linearizability.Edn;

/// <summary>A value read from EDN text and the 1-based line it starts on.</summary>
public sealed record EdnForm(EdnValue Value, int Line);
