using System.Text;

namespace Socrates.Core.Migration.Steps;

/// <summary>
/// Splits SQL into statements of tokens: comments dropped, quoted identifiers ("x", `x`, [x])
/// unquoted, string literals kept whole, so a ';' or a keyword inside a string is not misread.
/// </summary>
internal static class SqlTokenizer
{
    public static IReadOnlyList<IReadOnlyList<SqlToken>> Statements(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var statements = new List<IReadOnlyList<SqlToken>>();
        var current = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == ';')
            {
                Flush();
                i++;
            }
            else if (c is '"' or '`' or '[' or '\'')
            {
                var close = c == '[' ? ']' : c;
                var text = ReadQuoted(sql, ref i, close);
                current.Add(new SqlToken(c == '\'' ? SqlTokenKind.Literal : SqlTokenKind.QuotedName, text));
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                {
                    i++;
                }

                current.Add(new SqlToken(SqlTokenKind.Word, sql[start..i]));
            }
            else
            {
                current.Add(new SqlToken(SqlTokenKind.Punctuation, c.ToString()));
                i++;
            }
        }

        Flush();
        return statements;

        void Flush()
        {
            if (current.Count > 0)
            {
                statements.Add(current);
                current = [];
            }
        }
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static string ReadQuoted(string sql, ref int i, char close)
    {
        var builder = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (close != ']' && At(sql, i + 1) == close)
                {
                    builder.Append(close);
                    i += 2;
                    continue;
                }

                i++;
                return builder.ToString();
            }

            builder.Append(sql[i]);
            i++;
        }

        return builder.ToString();
    }
}
