namespace Socrates.Core.Tests.StaticChecks;

/// <summary>
/// A lexical token of C# as far as the SQL scan needs: literals, identifiers, punctuation. An
/// interpolated string's <see cref="Text"/> shows each hole as "{…}"; <see cref="Holes"/> keeps
/// each hole's expression source, in order.
/// </summary>
internal sealed record CSharpToken(CSharpTokenKind Kind, string Text, int Line, IReadOnlyList<string>? Holes = null)
{
    public bool HasHoles => Holes is { Count: > 0 };
}

internal enum CSharpTokenKind
{
    StringLiteral,
    InterpolatedString,
    Identifier,
    Punctuation,
    Other,
}
