using System.Text.RegularExpressions;

namespace Socrates.Core.Tests.StaticChecks;

/// <summary>
/// Finds SQL built from values by string concatenation or interpolation.
/// <para>The rule. A string literal "looks like SQL" when it holds an upper-case SQL keyword
/// (SELECT, INSERT, UPDATE, DELETE, WHERE, VALUES, FROM, JOIN, UNION, PRAGMA, CREATE, DROP,
/// ALTER) or a lower-case statement shape (<c>select … from</c>, <c>insert into</c>,
/// <c>delete from</c>, <c>update x set</c>). A constant whose initializer holds such a literal is a
/// "SQL constant". Then:</para>
/// <list type="number">
/// <item>an interpolated string with holes that looks like SQL is a finding (holes are values);</item>
/// <item>a <c>+</c> with a SQL literal or SQL constant on one side is a finding unless both sides
/// are constant: a literal or a name declared <c>const</c> in a scanned file (not a call, not an
/// indexer, not a local);</item>
/// <item><c>+=</c> appending a SQL literal/constant, or appending anything to a variable that was
/// assigned a SQL literal, is a finding (SQL grown in a variable); such a variable also counts as
/// SQL, non-constant, in rule 2;</item>
/// <item><c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>, <c>Append</c>,
/// <c>AppendFormat</c> or <c>Insert</c> given a SQL literal/constant is a finding.</item>
/// </list>
/// <para>So SQL is allowed only as compile-time constants (const strings, possibly joined from
/// other const strings); every value travels as a parameter.</para>
/// </summary>
internal sealed partial class SqlConcatenationScanner
{
    private static readonly string[] s_builders = ["Format", "Concat", "Join", "Append", "AppendFormat", "AppendLine", "Insert"];
    private readonly HashSet<string> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sqlConstants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sqlVariables = new(StringComparer.Ordinal);

    /// <summary>Scans <paramref name="files"/> (path, text); constants are collected across all of them first.</summary>
    public static List<SqlFinding> Scan(IEnumerable<(string Path, string Text)> files)
    {
        var scanner = new SqlConcatenationScanner();
        var lexed = files.Select(f => (f.Path, Tokens: CSharpLexer.Tokenize(f.Text))).ToList();
        foreach (var (_, tokens) in lexed)
        {
            scanner.CollectConstants(tokens);
        }

        return lexed.SelectMany(f => scanner.ScanTokens(f.Path, f.Tokens)).ToList();
    }

    public static bool LooksLikeSql(string text) => UpperKeyword().IsMatch(text) || LowerStatement().IsMatch(text);

    private void CollectConstants(List<CSharpToken> tokens)
    {
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Text != "const" || tokens[i].Kind != CSharpTokenKind.Identifier)
            {
                continue;
            }

            var j = i + 1;
            while (j + 1 < tokens.Count && !(tokens[j].Kind == CSharpTokenKind.Identifier && tokens[j + 1].Text == "="))
            {
                j++;
            }

            if (j + 1 >= tokens.Count)
            {
                continue;
            }

            var name = tokens[j].Text;
            _constants.Add(name);
            for (var k = j + 2; k < tokens.Count && tokens[k].Text != ";"; k++)
            {
                if (tokens[k].Kind == CSharpTokenKind.StringLiteral && LooksLikeSql(tokens[k].Text))
                {
                    _sqlConstants.Add(name);
                    break;
                }
            }
        }

        // A const built only from SQL constants is a SQL constant too (a second pass settles chains).
        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i + 2 < tokens.Count; i++)
            {
                if (tokens[i].Text == "const" && tokens[i].Kind == CSharpTokenKind.Identifier)
                {
                    var j = i + 1;
                    while (j + 1 < tokens.Count && !(tokens[j].Kind == CSharpTokenKind.Identifier && tokens[j + 1].Text == "="))
                    {
                        j++;
                    }

                    for (var k = j + 2; k < tokens.Count && tokens[k].Text != ";"; k++)
                    {
                        if (tokens[k].Kind == CSharpTokenKind.Identifier && _sqlConstants.Contains(tokens[k].Text))
                        {
                            _sqlConstants.Add(tokens[j].Text);
                            break;
                        }
                    }
                }
            }
        }
    }

    // A variable or field assigned a SQL literal holds SQL but is not constant. Collected per
    // file: a local name like "values" holding SQL in one file says nothing about another.
    private void CollectVariables(List<CSharpToken> tokens)
    {
        _sqlVariables.Clear();
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Text == "=" && tokens[i - 1].Kind == CSharpTokenKind.Identifier
                && tokens[i + 1].Kind is CSharpTokenKind.StringLiteral or CSharpTokenKind.InterpolatedString
                && LooksLikeSql(tokens[i + 1].Text) && !_constants.Contains(tokens[i - 1].Text))
            {
                _sqlVariables.Add(tokens[i - 1].Text);
            }
        }
    }

    private IEnumerable<SqlFinding> ScanTokens(string path, List<CSharpToken> tokens)
    {
        CollectVariables(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == CSharpTokenKind.InterpolatedString && token.HasHoles && LooksLikeSql(token.Text))
            {
                yield return new SqlFinding(path, token.Line, "interpolated SQL", Excerpt(token.Text));
            }
            else if (token.Text == "+" && token.Kind == CSharpTokenKind.Punctuation)
            {
                var left = LeftOperand(tokens, i);
                var right = RightOperand(tokens, i);
                var sqlInvolved = IsSql(left) || IsSql(right);
                if (sqlInvolved && (!IsConstant(left) || !IsConstant(right)))
                {
                    yield return new SqlFinding(path, token.Line, "SQL concatenated with a non-constant", Excerpt(Describe(left) + " + " + Describe(right)));
                }
            }
            else if (token.Text == "+=" && (IsSql(RightOperand(tokens, i)) || IsSql(LeftOperand(tokens, i))))
            {
                yield return new SqlFinding(path, token.Line, "SQL appended with +=", Excerpt(Describe(RightOperand(tokens, i))));
            }
            else if (token.Kind == CSharpTokenKind.Identifier && s_builders.Contains(token.Text)
                && i > 0 && tokens[i - 1].Text == "." && i + 1 < tokens.Count && tokens[i + 1].Text == "(")
            {
                var arguments = Arguments(tokens, i + 1);
                var sql = arguments.FirstOrDefault(a => IsSql(a));
                if (sql is not null)
                {
                    yield return new SqlFinding(path, token.Line, $"SQL passed to {token.Text}", Excerpt(Describe(sql)));
                }
            }
        }
    }

    private bool IsSql(List<CSharpToken>? operand) =>
        operand is { Count: > 0 } && operand.Any(t =>
            (t.Kind is CSharpTokenKind.StringLiteral or CSharpTokenKind.InterpolatedString && LooksLikeSql(t.Text))
            || (t.Kind == CSharpTokenKind.Identifier && (_sqlConstants.Contains(t.Text) || _sqlVariables.Contains(t.Text))));

    private bool IsConstant(List<CSharpToken>? operand)
    {
        if (operand is not { Count: > 0 })
        {
            return false;
        }

        if (operand.Count == 1 && operand[0].Kind == CSharpTokenKind.StringLiteral)
        {
            return true;
        }

        // A (possibly qualified) name: A.B.Name, every other token a dot, the last segment a const.
        for (var k = 0; k < operand.Count; k++)
        {
            var expectIdentifier = k % 2 == 0;
            if (expectIdentifier != (operand[k].Kind == CSharpTokenKind.Identifier) || (!expectIdentifier && operand[k].Text != "."))
            {
                return false;
            }
        }

        return operand.Count % 2 == 1 && _constants.Contains(operand[^1].Text) && !_sqlVariables.Contains(operand[^1].Text);
    }

    /// <summary>The operand left of the operator at <paramref name="at"/>: a literal, a dotted name, or a closing bracket (non-constant).</summary>
    private static List<CSharpToken> LeftOperand(List<CSharpToken> tokens, int at)
    {
        var k = at - 1;
        if (k < 0)
        {
            return [];
        }

        if (tokens[k].Kind is CSharpTokenKind.StringLiteral or CSharpTokenKind.InterpolatedString)
        {
            return [tokens[k]];
        }

        if (tokens[k].Text is ")" or "]")
        {
            return [tokens[k]];
        }

        var operand = new List<CSharpToken>();
        while (k >= 0 && (tokens[k].Kind == CSharpTokenKind.Identifier || tokens[k].Text == "."))
        {
            operand.Insert(0, tokens[k]);
            k--;
        }

        return operand.Count > 0 ? operand : [tokens[at - 1]];
    }

    /// <summary>The operand right of the operator: a literal, or a dotted name; a call or indexer makes it non-constant.</summary>
    private static List<CSharpToken> RightOperand(List<CSharpToken> tokens, int at)
    {
        var k = at + 1;
        if (k >= tokens.Count)
        {
            return [];
        }

        if (tokens[k].Kind is CSharpTokenKind.StringLiteral or CSharpTokenKind.InterpolatedString)
        {
            return [tokens[k]];
        }

        var operand = new List<CSharpToken>();
        while (k < tokens.Count && (tokens[k].Kind == CSharpTokenKind.Identifier || tokens[k].Text == "."))
        {
            operand.Add(tokens[k]);
            k++;
        }

        if (operand.Count == 0)
        {
            return [tokens[at + 1]];
        }

        if (k < tokens.Count && tokens[k].Text is "(" or "[")
        {
            operand.Add(tokens[k]);
        }

        return operand;
    }

    private static List<List<CSharpToken>> Arguments(List<CSharpToken> tokens, int open)
    {
        var arguments = new List<List<CSharpToken>>();
        var current = new List<CSharpToken>();
        var depth = 0;
        for (var k = open; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Text is "(" or "[" or "{")
            {
                depth++;
                if (depth == 1)
                {
                    continue;
                }
            }
            else if (t.Text is ")" or "]" or "}")
            {
                depth--;
                if (depth == 0)
                {
                    arguments.Add(current);
                    break;
                }
            }
            else if (t.Text == "," && depth == 1)
            {
                arguments.Add(current);
                current = [];
                continue;
            }

            current.Add(t);
        }

        return arguments;
    }

    private static string Describe(List<CSharpToken>? operand) =>
        operand is null or { Count: 0 } ? "?" : string.Concat(operand.Select(t => t.Kind == CSharpTokenKind.StringLiteral ? $"\"{t.Text}\"" : t.Text));

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 120 ? flat : flat[..117] + "...";
    }

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|FROM|JOIN|UNION|PRAGMA|CREATE|DROP|ALTER)\b")]
    private static partial Regex UpperKeyword();

    [GeneratedRegex(@"(?i)\b(select\s[\s\S]*\sfrom|insert\s+into|delete\s+from|update\s+\w+\s+set)\b")]
    private static partial Regex LowerStatement();
}
