using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.StaticChecks;

[Trait("Category", "Unit")]
public sealed class SqlConcatenationScanTests
{
    public const string CanaryVariable = "SOCRATES_CANARY_FIXTURE";

    private static string CanaryFixture => Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "canaries", "interpolated-sql.cs.txt");

    [Fact]
    public void Scan_EverySourceFile_NoSqlBuiltFromValues()
    {
        var root = Path.Combine(ArtifactPaths.RepositoryRoot, "src");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var canary = Environment.GetEnvironmentVariable(CanaryVariable);
        if (!string.IsNullOrWhiteSpace(canary))
        {
            files.Add(Path.IsPathRooted(canary) ? canary : Path.Combine(ArtifactPaths.RepositoryRoot, canary));
        }

        Assert.True(files.Count > 20, $"only {files.Count} files found under {root}");
        var findings = SqlConcatenationScanner.Scan(files.Select(f => (Path.GetRelativePath(ArtifactPaths.RepositoryRoot, f), File.ReadAllText(f))));
        var evidence = MetricsWriter.WriteEvidence("unit", "static-sql-concatenation.json", new { Scanned = files.Count, Canary = canary, Findings = findings });
        MetricsWriter.Write("unit", "static.sql_concatenation_findings", findings.Count, "count", evidence);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Scan_CanaryFixture_FlagsEveryUnsafeStatement()
    {
        var findings = SqlConcatenationScanner.Scan([(CanaryFixture, File.ReadAllText(CanaryFixture))]);
        Assert.Contains(findings, f => f.Rule == "interpolated SQL" && f.Line == 9);
        Assert.Contains(findings, f => f.Rule.StartsWith("SQL concatenated", StringComparison.Ordinal) && f.Line == 12);
        Assert.Contains(findings, f => f.Rule == "SQL passed to Format" && f.Line == 15);
        Assert.Contains(findings, f => f.Rule == "SQL appended with +=" && f.Line == 20);
    }

    [Theory]
    [InlineData("const string A = \"SELECT a \"; const string B = A + \"FROM t WHERE id = $id\";")]
    [InlineData("const string A = \"\"\"\n SELECT a FROM t WHERE x = $x\n\"\"\";")]
    [InlineData("static class Q { public const string T = \"SELECT 1 \"; } class R { const string U = Q.T + \"FROM t\"; }")]
    [InlineData("var message = $\"Saved {count} rows\";")]
    [InlineData("var label = \"count: \" + count;")]
    [InlineData("cmd.Parameters.AddWithValue(\"$id\", id); cmd.CommandText = \"DELETE FROM t WHERE id = $id\";")]
    [InlineData("// var sql = \"SELECT * FROM t WHERE id = \" + id;\n/* $\"DELETE FROM {t}\" */")]
    [InlineData("var s = @\"SELECT \"\"quoted\"\" FROM t\";")]
    public void Scan_ConstantOrParameterizedSql_NoFinding(string code)
    {
        Assert.Empty(SqlConcatenationScanner.Scan([("snippet.cs", code)]));
    }

    [Theory]
    [InlineData("var sql = $\"SELECT * FROM t WHERE id = {id}\";")]
    [InlineData("var sql = $@\"DELETE FROM t WHERE id = {id}\";")]
    [InlineData("var sql = $\"\"\"\n UPDATE t SET a = {value}\n\"\"\";")]
    [InlineData("var sql = \"SELECT * FROM t WHERE name = '\" + name + \"'\";")]
    [InlineData("var sql = \"SELECT * FROM t WHERE id = \" + GetId();")]
    [InlineData("var sql = \"SELECT * FROM t WHERE id = \" + ids[0];")]
    [InlineData("const string Q = \"SELECT * FROM t WHERE id = \"; var sql = Q + id;")]
    [InlineData("var b = new StringBuilder(); b.Append(\"INSERT INTO t VALUES (\").Append(v);")]
    [InlineData("var sql = string.Concat(\"SELECT * FROM t WHERE a = \", a);")]
    [InlineData("var sql = \"select * from t\"; sql += filter;")]
    [InlineData("var sql = \"select name from users where id = \" + id;")]
    public void Scan_SqlBuiltFromValues_Flagged(string code)
    {
        Assert.NotEmpty(SqlConcatenationScanner.Scan([("snippet.cs", code)]));
    }

    [Fact]
    public void Scan_ConstNameDeclaredElsewhere_MemberAccessNotSql()
    {
        var findings = SqlConcatenationScanner.Scan([
            ("queries.cs", "static class Sql { public const string Count = \"SELECT COUNT(*) FROM t\"; }"),
            ("other.cs", "class C { void M() { total += block.Count; var n = _entries.Count + 1; var s = string.Join(\", \", xs.Select(x => x.Count)); } }"),
        ]);
        Assert.Empty(findings);
    }

    [Fact]
    public void Scan_BareConstNameFromAnotherFile_NotSql()
    {
        var findings = SqlConcatenationScanner.Scan([
            ("queries.cs", "static class Sql { public const string Count = \"SELECT COUNT(*) FROM t\"; }"),
            ("other.cs", "class C { int Count; void M() { var n = Count + 1; } }"),
        ]);
        Assert.Empty(findings);
    }

    [Fact]
    public void Scan_QualifiedSqlConstFromAnotherFile_StillSql()
    {
        var findings = SqlConcatenationScanner.Scan([
            ("queries.cs", "static class Sql { public const string ById = \"SELECT * FROM t WHERE id = \"; }"),
            ("other.cs", "class C { string M(string id) => Sql.ById + id; }"),
        ]);
        var finding = Assert.Single(findings);
        Assert.Equal("other.cs", finding.Path);
    }

    [Fact]
    public void Scan_BareSqlConstInItsOwnFile_StillSql()
    {
        var findings = SqlConcatenationScanner.Scan([("q.cs", "class C { const string Q = \"DELETE FROM t WHERE id = \"; string M(string id) => Q + id; }")]);
        Assert.Single(findings);
    }

    [Fact]
    public void Scan_QualifiedConstFromAnotherFile_SafeHole()
    {
        var findings = SqlConcatenationScanner.Scan([
            ("rows.cs", "static class UserSql { public const string Columns = \"id, name\"; }"),
            ("store.cs", "class S { string M() => $\"SELECT {UserSql.Columns} FROM users WHERE id = $id\"; }"),
        ]);
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("var sql = $\"SELECT * FROM {SqlIdentifier.Quote(table)} WHERE id = $id\";")]
    [InlineData("var sql = $\"INSERT INTO {SqlIdentifier.Quote(t)} ({SqlIdentifier.QuoteList(cols.Select(c => c.Name))}) VALUES ({SqlIdentifier.Placeholders(cols.Count)})\";")]
    [InlineData("var sql = $@\"SELECT * FROM {SqliteMigrationExtensions.QuoteIdentifier(t)} ORDER BY {SqlIdentifier.Ordinals(n)}\";")]
    [InlineData("var sql = $\"PRAGMA integrity_check({SqlIdentifier.Number(max)})\";")]
    [InlineData("var sql = $\"SELECT count(*) FROM {QuoteIdentifier(table)}\";")]
    [InlineData("var sql = $$\"\"\"\n SELECT {x} FROM {{SqlIdentifier.Quote(t)}}\n\"\"\";")]
    [InlineData("class K { const string Cols = \"a, b\"; string M() => $\"SELECT {Cols} FROM t\"; }")]
    public void Scan_HolesOnlyConstsOrValidatedIdentifiers_NoFinding(string code)
    {
        Assert.Empty(SqlConcatenationScanner.Scan([("snippet.cs", code)]));
    }

    [Theory]
    [InlineData("var sql = $\"SELECT * FROM {table} WHERE id = $id\";")]
    [InlineData("var sql = $\"SELECT * FROM {SqlIdentifier.Quote(t)} WHERE id = {id}\";")]
    [InlineData("var sql = $\"SELECT * FROM {SqlIdentifier.Quote(t) + filter}\";")]
    [InlineData("var sql = $\"SELECT * FROM t ORDER BY {string.Join(\", \", cols)}\";")]
    [InlineData("var sql = $\"SELECT * FROM {Other.Quote(t)}\";")]
    [InlineData("var sql = $\"SELECT * FROM {SqlIdentifier.Quote(t)}\" + where;")]
    [InlineData("var sql = $$\"\"\"\n SELECT * FROM {{table}}\n\"\"\";")]
    [InlineData("var sql = $\"SELECT {Cols} FROM t\";")]
    public void Scan_HoleWithRawValue_Flagged(string code)
    {
        Assert.NotEmpty(SqlConcatenationScanner.Scan([("snippet.cs", code)]));
    }
}
