namespace Socrates.Core.Migration.Steps;

/// <summary>A token of the light DDL reader: a word or quoted identifier, a string literal, or one punctuation character.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char c) => Kind == SqlTokenKind.Punctuation && Text.Length == 1 && Text[0] == c;

    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName;
}

internal enum SqlTokenKind
{
    Word,
    QuotedName,
    Literal,
    Punctuation,
}
