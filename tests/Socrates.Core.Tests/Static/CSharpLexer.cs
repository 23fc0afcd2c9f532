using System.Text;

namespace Socrates.Core.Tests.StaticChecks;

/// <summary>
/// A small C# lexer for the SQL scan: skips comments, understands regular, verbatim, raw and
/// interpolated string literals (the text returned is the literal's content; holes are marked),
/// char literals, identifiers (with dots kept as separate punctuation) and operators.
/// </summary>
internal static class CSharpLexer
{
    public static List<CSharpToken> Tokenize(string source)
    {
        var tokens = new List<CSharpToken>();
        var i = 0;
        var line = 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && Peek(source, i + 1) == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && Peek(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                line += Count(source, i, end, '\n');
                i = end;
            }
            else if (IsStringStart(source, i, out var prefixLength, out var interpolated, out var verbatim))
            {
                var start = i;
                var startLine = line;
                i += prefixLength;
                var (text, holes) = ReadString(source, ref i, interpolated, verbatim);
                line += Count(source, start, i, '\n');
                tokens.Add(new CSharpToken(interpolated ? CSharpTokenKind.InterpolatedString : CSharpTokenKind.StringLiteral, text, startLine, holes));
            }
            else if (c == '\'')
            {
                i++;
                while (i < source.Length && source[i] != '\'')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i++;
                tokens.Add(new CSharpToken(CSharpTokenKind.Other, "'c'", line));
            }
            else if (char.IsLetter(c) || c == '_' || c == '@')
            {
                var start = i;
                i++;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new CSharpToken(CSharpTokenKind.Identifier, source[start..i].TrimStart('@'), line));
            }
            else if (c == '+' && Peek(source, i + 1) == '=')
            {
                tokens.Add(new CSharpToken(CSharpTokenKind.Punctuation, "+=", line));
                i += 2;
            }
            else if (c == '+' && Peek(source, i + 1) == '+')
            {
                tokens.Add(new CSharpToken(CSharpTokenKind.Punctuation, "++", line));
                i += 2;
            }
            else
            {
                tokens.Add(new CSharpToken(char.IsDigit(c) ? CSharpTokenKind.Other : CSharpTokenKind.Punctuation, c.ToString(), line));
                i++;
            }
        }

        return tokens;
    }

    private static bool IsStringStart(string s, int i, out int prefixLength, out bool interpolated, out bool verbatim)
    {
        interpolated = false;
        verbatim = false;
        var j = i;
        while (j < s.Length && (s[j] == '$' || s[j] == '@') && j - i < 6)
        {
            interpolated |= s[j] == '$';
            verbatim |= s[j] == '@';
            j++;
        }

        prefixLength = j - i;
        return j < s.Length && s[j] == '"' && (prefixLength == 0 || s[i] is '$' or '@');
    }

    private static (string Text, bool Holes) ReadString(string s, ref int i, bool interpolated, bool verbatim)
    {
        var quotes = 0;
        while (i + quotes < s.Length && s[i + quotes] == '"')
        {
            quotes++;
        }

        var text = new StringBuilder();
        var holes = false;
        if (quotes >= 3)
        {
            i += quotes;
            var close = new string('"', quotes);
            var end = s.IndexOf(close, i, StringComparison.Ordinal);
            end = end < 0 ? s.Length : end;
            var content = s[i..end];
            holes = interpolated && content.Contains('{', StringComparison.Ordinal);
            i = Math.Min(s.Length, end + quotes);
            return (content, holes);
        }

        if (quotes == 2)
        {
            i += 2;
            return ("", false);
        }

        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (verbatim && c == '"' && Peek(s, i + 1) == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                i++;
                break;
            }
            else if (!verbatim && c == '\\')
            {
                text.Append(c).Append(Peek(s, i + 1));
                i += 2;
            }
            else if (interpolated && c == '{' && Peek(s, i + 1) == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                holes = true;
                text.Append("{…}");
                i = SkipHole(s, i + 1);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return (text.ToString(), holes);
    }

    private static int SkipHole(string s, int i)
    {
        var depth = 1;
        while (i < s.Length && depth > 0)
        {
            if (s[i] == '"' )
            {
                i++;
                while (i < s.Length && s[i] != '"')
                {
                    i += s[i] == '\\' ? 2 : 1;
                }
            }
            else if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}')
            {
                depth--;
            }

            i++;
        }

        return i;
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int Count(string s, int from, int to, char c)
    {
        var n = 0;
        for (var k = from; k < to && k < s.Length; k++)
        {
            n += s[k] == c ? 1 : 0;
        }

        return n;
    }
}
