using System.Text.Json;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

/// <summary>End to end: inconclusive verdicts, targeted canary folders, and the evidence checksums with verify-evidence.</summary>
[Trait("Category", "Unit")]
public sealed class EvidenceAndCanaryCommandTests : IDisposable
{
    private readonly TempArtifacts _temp = new();

    public EvidenceAndCanaryCommandTests() => _temp.WriteGates(GatesJson.Valid().ToJsonString());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Evaluate_InconclusiveMetric_ExitThreeInconclusiveWithReason()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, inconclusiveReason: "spread 45 % after 5 tries");

        var run = Evaluate("quick");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Verdict (quick): INCONCLUSIVE", run.Output, StringComparison.Ordinal);
        Assert.Contains("spread 45 % after 5 tries", run.Output, StringComparison.Ordinal);
        Assert.Equal("inconclusive", GateField("roundtrip", "status"));
    }

    [Fact]
    public void Evaluate_InconclusiveAndRedGates_ExitOneNoGo()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.5);
        _temp.WriteMetric("race.lost_updates", 0, unit: "count", inconclusiveReason: "busy");

        Assert.Equal(1, Evaluate("ci").ExitCode);
    }

    [Fact]
    public void Evaluate_CanaryFolderWithNoExecutedTest_NotRun()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.CanaryRoot("roundtrip");

        var run = Evaluate("quick");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("not_run", CanaryField("roundtrip", "status"));
        Assert.Contains("the targeted canary run executed no test", CanaryField("roundtrip", "reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CanaryMetricMissingAndATestFailed_Verified()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.WriteTrx("unit", "mixed.trx", root: _temp.CanaryRoot("roundtrip"));

        var run = Evaluate("quick");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("verified", CanaryField("roundtrip", "status"));
    }

    [Fact]
    public void Evaluate_CanaryMetricMissingAndEveryTestPassed_NotVerified()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.WriteTrx("unit", "unit-passing.trx", root: _temp.CanaryRoot("roundtrip"));

        Evaluate("quick");

        Assert.Equal("not_run", CanaryField("roundtrip", "status"));
    }

    [Fact]
    public void Evaluate_CanaryProblemFile_NotRunWithItsTextAndNoGoWhenExpected()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        var folder = _temp.CanaryRoot("roundtrip");
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.5, root: folder);
        TempArtifacts.WriteFile(Path.Combine(folder, "canary-problem.txt"), "no test writes metric 'v2.roundtrip.equality_rate'\n");

        var run = Evaluate("quick", "--run-canaries-expected");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("not_run", CanaryField("roundtrip", "status"));
        Assert.Contains("no test writes metric 'v2.roundtrip.equality_rate'", CanaryField("roundtrip", "reason"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RunFolderLayout_EvidenceRecordedRelativeToArtifactsRoot()
    {
        var runRoot = Path.Combine(_temp.Root, "runs", "42");
        var evidence = TempArtifacts.WriteFile(Path.Combine(runRoot, "evidence", "unit", "roundtrip.json"), "[1,2,3]");
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, evidence: "evidence/unit/roundtrip.json", root: runRoot);
        _temp.WriteTrx("unit", "unit-passing.trx", root: runRoot);
        var canary = Path.Combine(runRoot, "canaries", "roundtrip");
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.5, root: canary);
        var outDir = Path.Combine(runRoot, "gates");

        var run = CliRun.Of("evaluate", "--gates", _temp.GatesFile, "--artifacts", runRoot, "--profile", "quick", "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "gate-report.json")));
        Assert.Equal("..", report.RootElement.GetProperty("artifactsRoot").GetString());
        var paths = report.RootElement.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(
            ["canaries/roundtrip/metrics/v2.roundtrip.equality_rate.json", "evidence/unit/roundtrip.json", "metrics/v2.roundtrip.equality_rate.json", "test-results/unit.trx"],
            paths);
        var entry = report.RootElement.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("path").GetString() == "evidence/unit/roundtrip.json");
        Assert.Equal(7, entry.GetProperty("bytes").GetInt64());
        Assert.Equal(64, entry.GetProperty("sha256").GetString()!.Length);
        Assert.True(File.Exists(evidence));
        var html = File.ReadAllText(Path.Combine(outDir, "gate-report.html"));
        Assert.Contains("href=\"../evidence/unit/roundtrip.json\"", html, StringComparison.Ordinal);
        Assert.Contains("4 files read", html, StringComparison.Ordinal);
        Assert.Contains("4 files read", File.ReadAllText(Path.Combine(outDir, "gate-report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyEvidence_Untouched_ExitZero()
    {
        WriteRunAndEvaluate();

        var run = CliRun.Of("verify-evidence", "--report", ReportPath, "--artifacts", _temp.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("files match the report", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyEvidence_DefaultRoot_TheOneTheReportNames()
    {
        WriteRunAndEvaluate();

        Assert.Equal(0, CliRun.Of("verify-evidence", "--report", ReportPath).ExitCode);
    }

    [Fact]
    public void VerifyEvidence_OneByteChanged_ExitOneNamingTheFile()
    {
        var metric = WriteRunAndEvaluate();
        var bytes = File.ReadAllBytes(metric);
        bytes[^2] ^= 0x01;
        File.WriteAllBytes(metric, bytes);

        var run = CliRun.Of("verify-evidence", "--report", ReportPath, "--artifacts", _temp.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("changed: metrics/v2.roundtrip.equality_rate.json", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test-results", run.Output.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyEvidence_FileDeleted_ExitOneNamingTheFile()
    {
        WriteRunAndEvaluate();
        File.Delete(Path.Combine(_temp.Root, "test-results", "unit.trx"));

        var run = CliRun.Of("verify-evidence", "--report", ReportPath, "--artifacts", _temp.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing: test-results/unit.trx", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify-evidence")]
    [InlineData("verify-evidence", "--report", "nowhere.json")]
    [InlineData("verify-evidence", "--report", "x.json", "--bogus", "y")]
    public void VerifyEvidence_BadUsage_ExitTwo(params string[] args) =>
        Assert.Equal(2, CliRun.Of(args).ExitCode);

    private string ReportPath => Path.Combine(_temp.OutDir, "gate-report.json");

    private string WriteRunAndEvaluate()
    {
        var metric = _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.WriteTrx("unit", "unit-passing.trx");
        Assert.Equal(0, Evaluate("quick").ExitCode);
        return metric;
    }

    private CliRun Evaluate(string profile, params string[] extra) =>
        CliRun.Of(["evaluate", "--gates", _temp.GatesFile, "--artifacts", _temp.Root, "--profile", profile, "--out", _temp.OutDir, .. extra]);

    private string? GateField(string gate, string field)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(ReportPath));
        return report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gate).GetProperty(field).GetString();
    }

    private string CanaryField(string gate, string field)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(ReportPath));
        return report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gate)
            .GetProperty("canary").GetProperty(field).GetString()!;
    }
}
