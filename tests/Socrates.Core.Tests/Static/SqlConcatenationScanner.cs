using System.Text.RegularExpressions;

namespace Socrates.Core.Tests.StaticChecks;

/// <summary>
/// Finds SQL built from values by string concatenation or interpolation.
/// <para>The rule. A string literal "looks like SQL" when it holds an upper-case SQL keyword
/// (SELECT, INSERT, UPDATE, DELETE, WHERE, VALUES, FROM, JOIN, UNION, PRAGMA, CREATE, DROP,
/// ALTER) or a lower-case statement shape (<c>select … from</c>, <c>insert into</c>,
/// <c>delete from</c>, <c>update x set</c>). A constant whose initializer holds such a literal (or
/// another SQL constant) is a "SQL constant".</para>
/// <para>Names are resolved the way C# would, approximately: a bare name means a const declared in
/// the same file (or in a type declared in it, for partial classes); a qualified name
/// <c>Type.Name</c> means a const <c>Name</c> declared in a type called <c>Type</c>. A member access
/// on anything that is not a declared type (<c>block.Count</c>, <c>columns.Select</c>) is never a
/// constant, whatever consts of that name exist elsewhere. Then:</para>
/// <list type="number">
/// <item>an interpolated string that looks like SQL is a finding unless every hole is either a
/// constant name or a single call to a validating formatter: <c>SqlIdentifier.Quote</c>,
/// <c>QuoteList</c>, <c>Placeholders</c>, <c>RowPlaceholders</c>, <c>Ordinals</c>, <c>Number</c> (Socrates.Core.Sql) or
/// <c>SqliteMigrationExtensions.QuoteIdentifier</c>/<c>QuoteIdentifierList</c>/<c>LengthSum</c>. SQLite cannot bind
/// identifiers as parameters, so names enter SQL only checked and quoted; values never do;</item>
/// <item>a <c>+</c> with a SQL literal or SQL constant on one side is a finding unless both sides
/// are constant: a literal or a const name (not a call, not an indexer, not a local, not an
/// interpolated string);</item>
/// <item><c>+=</c> appending a SQL literal/constant, or appending anything to a variable that was
/// assigned a SQL literal, is a finding (SQL grown in a variable); such a variable also counts as
/// SQL, non-constant, in rule 2;</item>
/// <item><c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>, <c>Append</c>,
/// <c>AppendFormat</c> or <c>Insert</c> given a SQL literal/constant is a finding.</item>
/// </list>
/// <para>So SQL is allowed only as compile-time constants (const strings, possibly joined from
/// other const strings) plus checked identifiers; every value travels as a parameter.</para>
/// </summary>
internal sealed partial class SqlConcatenationScanner
{
    private static readonly string[] s_builders = ["Format", "Concat", "Join", "Append", "AppendFormat", "AppendLine", "Insert"];
    private static readonly string[] s_sqlFormatters = ["Quote", "QuoteList", "Placeholders", "RowPlaceholders", "Ordinals", "Number"];
    private static readonly string[] s_migrationQuoters = ["QuoteIdentifier", "QuoteIdentifierList", "LengthSum"];
    private readonly Dictionary<string, FileSymbols> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _typeConstants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _typeSqlConstants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sqlVariables = new(StringComparer.Ordinal);
    private FileSymbols _file = new();

    /// <summary>Scans <paramref name="files"/> (path, text); constants are collected across all of them first.</summary>
    public static List<SqlFinding> Scan(IEnumerable<(string Path, string Text)> files)
    {
        var scanner = new SqlConcatenationScanner();
        var lexed = files.Select(f => (f.Path, Tokens: CSharpLexer.Tokenize(f.Text))).ToList();
        var declarations = lexed.SelectMany(f => scanner.CollectConstants(f.Path, f.Tokens)).ToList();

        // A const built from SQL constants is a SQL constant too (repeated passes settle chains).
        for (var pass = 0; pass < 4; pass++)
        {
            foreach (var d in declarations)
            {
                scanner._file = scanner._files[d.Path];
                var tokens = lexed.First(f => f.Path == d.Path).Tokens;
                for (var k = d.InitializerStart; k < d.InitializerEnd; k++)
                {
                    if (tokens[k].Kind == CSharpTokenKind.Identifier && scanner.IsSqlConstant(tokens, k))
                    {
                        scanner.AddConstant(d.Path, d.Type, d.Name, sql: true);
                        break;
                    }
                }
            }
        }

        return lexed.SelectMany(f => scanner.ScanTokens(f.Path, f.Tokens)).ToList();
    }

    public static bool LooksLikeSql(string text) => UpperKeyword().IsMatch(text) || LowerStatement().IsMatch(text);

    private List<ConstDeclaration> CollectConstants(string path, List<CSharpToken> tokens)
    {
        var file = new FileSymbols();
        _files[path] = file;
        var declarations = new List<ConstDeclaration>();
        string? type = null;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Kind == CSharpTokenKind.Identifier && tokens[i].Text is "class" or "struct" or "record" or "interface" or "enum")
            {
                var n = i + 1;
                if (tokens[i].Text == "record" && tokens[n].Text is "class" or "struct")
                {
                    n++;
                }

                if (n < tokens.Count && tokens[n].Kind == CSharpTokenKind.Identifier && tokens[n].Text is not ("class" or "struct"))
                {
                    type = tokens[n].Text;
                    file.Types.Add(type);
                }

                continue;
            }

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
            var end = j + 2;
            var sql = false;
            for (; end < tokens.Count && tokens[end].Text != ";"; end++)
            {
                sql |= tokens[end].Kind == CSharpTokenKind.StringLiteral && LooksLikeSql(tokens[end].Text);
            }

            AddConstant(path, type, name, sql);
            declarations.Add(new ConstDeclaration(path, type, name, j + 2, end));
        }

        return declarations;
    }

    private void AddConstant(string path, string? type, string name, bool sql)
    {
        var file = _files[path];
        file.Constants.Add(name);
        if (sql)
        {
            file.SqlConstants.Add(name);
        }

        if (type is not null)
        {
            Set(_typeConstants, type).Add(name);
            if (sql)
            {
                Set(_typeSqlConstants, type).Add(name);
            }
        }

        static HashSet<string> Set(Dictionary<string, HashSet<string>> map, string key) =>
            map.TryGetValue(key, out var set) ? set : map[key] = new HashSet<string>(StringComparer.Ordinal);
    }

    private bool IsSqlConstant(IReadOnlyList<CSharpToken> tokens, int at) => Resolves(tokens, at, _file.SqlConstants, _typeSqlConstants);

    private bool IsConstantName(IReadOnlyList<CSharpToken> tokens, int at) => Resolves(tokens, at, _file.Constants, _typeConstants);

    /// <summary>
    /// Whether the identifier at <paramref name="at"/> names a const of the given kind: qualified
    /// by a declared type that holds it, or bare and declared in this file (or a type declared here).
    /// </summary>
    private bool Resolves(IReadOnlyList<CSharpToken> tokens, int at, HashSet<string> fileSet, Dictionary<string, HashSet<string>> typeSets)
    {
        var name = tokens[at].Text;
        if (at >= 1 && tokens[at - 1].Text == ".")
        {
            return at >= 2 && tokens[at - 2].Kind == CSharpTokenKind.Identifier
                && typeSets.TryGetValue(tokens[at - 2].Text, out var held) && held.Contains(name);
        }

        return fileSet.Contains(name)
            || _file.Types.Any(t => typeSets.TryGetValue(t, out var held) && held.Contains(name));
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
                && LooksLikeSql(tokens[i + 1].Text) && !_file.Constants.Contains(tokens[i - 1].Text))
            {
                _sqlVariables.Add(tokens[i - 1].Text);
            }
        }
    }

    /// <summary>
    /// A hole is safe when it is a const name or exactly one call to a validating formatter
    /// (the call's closing parenthesis ends the hole: nothing is appended to its result).
    /// </summary>
    private bool IsSafeHole(string hole)
    {
        var tokens = CSharpLexer.Tokenize(hole);
        if (tokens.Count == 0)
        {
            return false;
        }

        if (IsDottedName(tokens))
        {
            return IsConstantName(tokens, tokens.Count - 1) && !_sqlVariables.Contains(tokens[^1].Text);
        }

        int open;
        if (tokens.Count >= 4 && tokens[0].Text == "SqlIdentifier" && tokens[1].Text == "." && s_sqlFormatters.Contains(tokens[2].Text))
        {
            open = 3;
        }
        else if (tokens.Count >= 4 && tokens[0].Text == "SqliteMigrationExtensions" && tokens[1].Text == "." && s_migrationQuoters.Contains(tokens[2].Text))
        {
            open = 3;
        }
        else if (tokens.Count >= 2 && tokens[0].Kind == CSharpTokenKind.Identifier && s_migrationQuoters.Contains(tokens[0].Text))
        {
            open = 1;
        }
        else
        {
            return false;
        }

        return tokens[open].Text == "(" && Closing(tokens, open) == tokens.Count - 1;
    }

    private static bool IsDottedName(List<CSharpToken> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var expectIdentifier = k % 2 == 0;
            if (expectIdentifier != (tokens[k].Kind == CSharpTokenKind.Identifier) || (!expectIdentifier && tokens[k].Text != "."))
            {
                return false;
            }
        }

        return tokens.Count % 2 == 1;
    }

    private static int Closing(List<CSharpToken> tokens, int open)
    {
        var depth = 0;
        for (var k = open; k < tokens.Count; k++)
        {
            depth += tokens[k].Text is "(" or "[" or "{" ? 1 : tokens[k].Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0)
            {
                return k;
            }
        }

        return -1;
    }

    private IEnumerable<SqlFinding> ScanTokens(string path, List<CSharpToken> tokens)
    {
        _file = _files[path];
        CollectVariables(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == CSharpTokenKind.InterpolatedString && token.HasHoles && LooksLikeSql(token.Text))
            {
                var unsafeHole = token.Holes!.FirstOrDefault(h => !IsSafeHole(h));
                if (unsafeHole is not null)
                {
                    yield return new SqlFinding(path, token.Line, "interpolated SQL", Excerpt($"{{{unsafeHole.Trim()}}} in {token.Text}"));
                }
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

    private bool IsSql(List<CSharpToken>? operand)
    {
        if (operand is not { Count: > 0 })
        {
            return false;
        }

        for (var k = 0; k < operand.Count; k++)
        {
            var t = operand[k];
            if ((t.Kind is CSharpTokenKind.StringLiteral or CSharpTokenKind.InterpolatedString && LooksLikeSql(t.Text))
                || (t.Kind == CSharpTokenKind.Identifier && (IsSqlConstant(operand, k) || _sqlVariables.Contains(t.Text))))
            {
                return true;
            }
        }

        return false;
    }

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

        // A (possibly qualified) name whose last segment resolves to a const.
        return IsDottedName(operand) && IsConstantName(operand, operand.Count - 1) && !_sqlVariables.Contains(operand[^1].Text);
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

    private sealed class FileSymbols
    {
        public HashSet<string> Constants { get; } = new(StringComparer.Ordinal);

        public HashSet<string> SqlConstants { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);
    }

    private sealed record ConstDeclaration(string Path, string? Type, string Name, int InitializerStart, int InitializerEnd);
}
