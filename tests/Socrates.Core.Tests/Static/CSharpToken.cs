namespace Socrates.Core.Tests.StaticChecks;

/// <summary>A lexical token of C# as far as the SQL scan needs: literals, identifiers, punctuation.</summary>
internal sealed record CSharpToken(CSharpTokenKind Kind, string Text, int Line, bool HasHoles = false);

internal enum CSharpTokenKind
{
    StringLiteral,
    InterpolatedString,
    Identifier,
    Punctuation,
    Other,
}
