using System.Text;

namespace Socrates.Core.Tests.StaticChecks;

/// <summary>
/// A small C# lexer for the SQL scan: skips comments, understands regular, verbatim, raw and
/// interpolated string literals (the text returned is the literal's content with each hole shown
/// as "{…}"; the holes' expression texts are kept on the token),
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
                var dollars = source.AsSpan(i, prefixLength).Count('$');
                i += prefixLength;
                var (text, holes) = ReadString(source, ref i, interpolated, verbatim, dollars);
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

    private static (string Text, List<string> Holes) ReadString(string s, ref int i, bool interpolated, bool verbatim, int dollars)
    {
        var quotes = 0;
        while (i + quotes < s.Length && s[i + quotes] == '"')
        {
            quotes++;
        }

        var text = new StringBuilder();
        var holes = new List<string>();
        if (quotes >= 3)
        {
            i += quotes;
            var close = new string('"', quotes);
            var end = s.IndexOf(close, i, StringComparison.Ordinal);
            end = end < 0 ? s.Length : end;
            var content = s[i..end];
            i = Math.Min(s.Length, end + quotes);
            return interpolated ? RawHoles(content, dollars) : (content, holes);
        }

        if (quotes == 2)
        {
            i += 2;
            return ("", holes);
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
                text.Append("{…}");
                var end = SkipHole(s, i + 1);
                holes.Add(s[(i + 1)..Math.Max(i + 1, end - 1)]);
                i = end;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return (text.ToString(), holes);
    }

    // In a raw interpolated string with n dollars, a hole opens with n braces (more are literal)
    // and closes with n braces.
    private static (string Text, List<string> Holes) RawHoles(string content, int dollars)
    {
        var text = new StringBuilder();
        var holes = new List<string>();
        var j = 0;
        while (j < content.Length)
        {
            var run = 0;
            while (j + run < content.Length && content[j + run] == '{')
            {
                run++;
            }

            if (run < dollars || run == 0)
            {
                text.Append(content, j, Math.Max(run, 1));
                j += Math.Max(run, 1);
                continue;
            }

            text.Append('{', run - dollars).Append("{…}");
            var start = j + run;
            var close = new string('}', dollars);
            var depth = 0;
            var k = start;
            while (k < content.Length && !(depth == 0 && string.CompareOrdinal(content, k, close, 0, dollars) == 0))
            {
                depth += content[k] == '{' ? 1 : content[k] == '}' ? -1 : 0;
                k++;
            }

            holes.Add(content[start..k]);
            j = Math.Min(content.Length, k + dollars);
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
