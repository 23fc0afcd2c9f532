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
}
