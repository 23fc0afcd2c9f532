namespace Socrates.Core.Failpoints;

/// <summary>
/// A failpoint name that no catalog declares. Thrown rather than ignored: a misspelt canary
/// would otherwise inject nothing and a gate would look insensitive for the wrong reason.
/// </summary>
public sealed class UnknownFailpointException(string name, string source)
    : Exception($"Unknown failpoint '{name}' (from {source}). Known failpoints: {string.Join(", ", Failpoint.KnownNames)}.")
{
    public string Name { get; } = name;
}
