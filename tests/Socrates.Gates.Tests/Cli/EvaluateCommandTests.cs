using System.Text.Json;
using System.Text.Json.Nodes;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

/// <summary>End to end: the evaluate command, in-process, on temporary artifacts folders.</summary>
[Trait("Category", "Unit")]
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TempArtifacts _temp = new();

    public EvaluateCommandTests() => _temp.WriteGates(GatesJson.Valid().ToJsonString());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Evaluate_AllGatesPass_ExitZeroGoAndFourReportFiles()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.WriteMetric("race.lost_updates", 0, unit: "count");

        var run = Evaluate("ci");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verdict (ci): GO", run.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "gate-report.html", "gate-report.md", "gate-report.json", "junit.xml" })
        {
            Assert.True(File.Exists(Path.Combine(_temp.OutDir, file)), $"{file} not written");
        }

        Assert.Equal("GO", ReportField("verdict"));
        Assert.Equal("abc1234", ReportField("commit"));
    }

    [Fact]
    public void Evaluate_GateInWarnBand_ExitZeroGoWithWarnings()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["fail"] = 0.9;
        GatesJson.Gate(document)["warn"] = 0.99;
        _temp.WriteGates(document.ToJsonString());
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.95);

        var run = Evaluate("quick");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("GO WITH WARNINGS", ReportField("verdict"));
    }

    [Fact]
    public void Evaluate_GateFails_ExitOneNoGo()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.999);

        var run = Evaluate("quick");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NO-GO", run.Output, StringComparison.Ordinal);
        Assert.Contains("roundtrip", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MetricMissing_ExitOneNoGo()
    {
        // quick runs only 'roundtrip'; nothing measured it.
        var run = Evaluate("quick");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("missing", GateField("roundtrip", "status"));
    }

    [Fact]
    public void Evaluate_GateOutsideProfile_SkippedAndNotCounted()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);

        var run = Evaluate("quick");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("skipped", GateField("lost-updates", "status"));
    }

    [Fact]
    public void Evaluate_InvalidGatesFile_ExitTwoNamingFileGateField()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["direction"] = "upwards";
        _temp.WriteGates(document.ToJsonString());

        var run = Evaluate("quick");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(_temp.GatesFile, run.Error, StringComparison.Ordinal);
        Assert.Contains("gate 'roundtrip'", run.Error, StringComparison.Ordinal);
        Assert.Contains("field 'direction'", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.OutDir));
    }

    [Fact]
    public void Evaluate_MalformedGatesFile_ExitTwo()
    {
        _temp.WriteGates("{ \"version\": 1,, }");

        var run = Evaluate("quick");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("malformed JSON at line 1", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile", "nightly")]
    [InlineData("--bogus", "x")]
    public void Evaluate_BadUsage_ExitTwo(string option, string value)
    {
        var args = new List<string> { "evaluate", "--gates", _temp.GatesFile, "--artifacts", _temp.Root };
        if (option != "--profile")
        {
            args.AddRange(["--profile", "quick"]);
        }

        args.AddRange([option, value]);

        Assert.Equal(2, CliRun.Of([.. args]).ExitCode);
    }

    [Fact]
    public void Evaluate_NoProfile_ExitTwo()
    {
        var run = CliRun.Of("evaluate", "--gates", _temp.GatesFile, "--artifacts", _temp.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--profile", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CanaryTurnsGateRed_VerifiedAndGo()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.WriteMetric("race.lost_updates", 0, unit: "count");
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.97, root: _temp.CanaryRoot("roundtrip"), failpoints: ["v2.save.drop-field"]);
        _temp.WriteMetric("race.lost_updates", 3, unit: "count", root: _temp.CanaryRoot("lost-updates"));

        var run = Evaluate("full", "--run-canaries-expected");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("verified", CanaryStatus("roundtrip"));
        Assert.Equal("verified", CanaryStatus("lost-updates"));
    }

    [Fact]
    public void Evaluate_CanaryLeavesGateGreen_InsensitiveAndNoGo()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, root: _temp.CanaryRoot("roundtrip"));

        var run = Evaluate("quick");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("insensitive", CanaryStatus("roundtrip"));
        Assert.Contains("canary insensitive", run.Output, StringComparison.Ordinal);
        var junit = File.ReadAllText(Path.Combine(_temp.OutDir, "junit.xml"));
        Assert.Contains("name=\"roundtrip.canary\"", junit, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CanaryFolderAbsent_NotRunAndGoUnlessExpected()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);

        var relaxed = Evaluate("quick");
        Assert.Equal(0, relaxed.ExitCode);
        Assert.Equal("not_run", CanaryStatus("roundtrip"));

        var strict = Evaluate("quick", "--run-canaries-expected");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("expected but not run", strict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TestsGateWithRealTrx_CanaryRunWithFailedTestVerified()
    {
        _temp.WriteGates(TestsPassGates());
        _temp.WriteTrx("unit", "unit-passing.trx");
        _temp.WriteTrx("unit", "mixed.trx", root: _temp.CanaryRoot("tests-pass"));

        var run = Evaluate("full");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("pass", GateField("tests-pass", "status"));
        Assert.Equal("verified", CanaryStatus("tests-pass"));
    }

    [Fact]
    public void Evaluate_UnreadableTrx_SuiteCountedFailedAndNoGo()
    {
        _temp.WriteGates(TestsPassGates());
        _temp.WriteTrx("unit", "unit-passing.trx");
        TempArtifacts.WriteFile(Path.Combine(_temp.Root, "test-results", "properties.trx"), "<TestRun><Resul");

        var run = Evaluate("full");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("fail", GateField("tests-pass", "status"));
        Assert.Contains("test-results/properties.trx", run.Error, StringComparison.Ordinal);
        using var report = ReadReport();
        Assert.Contains(report.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("source").GetString() == "test-results/properties.trx");
    }

    [Fact]
    public void Evaluate_ArtifactsFolderAbsent_NoGoWithProblem()
    {
        var missing = Path.Combine(_temp.Directory, "nowhere");

        var run = CliRun.Of("evaluate", "--gates", _temp.GatesFile, "--artifacts", missing, "--profile", "quick", "--out", _temp.OutDir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SecondRun_ReadsEarlierReportAsPrevious()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.5);
        Assert.Equal(1, Evaluate("quick", commit: "first").ExitCode);
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);

        var second = Evaluate("quick", commit: "second");

        Assert.Equal(0, second.ExitCode);
        using var report = ReadReport();
        var root = report.RootElement;
        Assert.Equal("first", root.GetProperty("previous").GetProperty("commit").GetString());
        Assert.Equal("NO-GO", root.GetProperty("previous").GetProperty("verdict").GetString());
        var change = root.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("gate").GetString() == "roundtrip");
        Assert.Equal("fail", change.GetProperty("previousStatus").GetString());
        Assert.Equal(0.5, change.GetProperty("previousValue").GetDouble());
        Assert.Equal("pass", change.GetProperty("currentStatus").GetString());
        Assert.Equal("status", change.GetProperty("change").GetString());
        Assert.Contains("Change against the previous report", File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExplicitPrevious_UsedInsteadOfOutFolder()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.5);
        Evaluate("quick", commit: "base");
        var saved = Path.Combine(_temp.Directory, "baseline-report.json");
        File.Copy(Path.Combine(_temp.OutDir, "gate-report.json"), saved);
        _temp.WriteMetric("v2.roundtrip.equality_rate", 0.6);
        Evaluate("quick", commit: "middle");

        Evaluate("quick", ["--previous", saved], "abc1234");

        using var report = ReadReport();
        Assert.Equal("base", report.RootElement.GetProperty("previous").GetProperty("commit").GetString());
    }

    [Fact]
    public void Evaluate_PreviousUnreadable_ProblemNotFatal()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
        TempArtifacts.WriteFile(Path.Combine(_temp.OutDir, "gate-report.json"), "{ broken");

        var run = Evaluate("quick");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("previous report unreadable", run.Error, StringComparison.Ordinal);
        using var report = ReadReport();
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("previous").ValueKind);
    }

    [Fact]
    public void Evaluate_RepositoryGatesJsonOnRealSamples_DecidedAsItsThresholdsSay()
    {
        // Reads whatever thresholds the repository's gates.json holds today, so the lead can tune them.
        var repositoryGates = Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.json");
        var config = Socrates.Gates.Config.GateConfigLoader.Load(repositoryGates);
        _temp.WriteTrx("unit", "unit-passing.trx");
        _temp.WriteCoverage();
        File.WriteAllText(Path.Combine(_temp.Root, "suites.json"), """[{"suite":"unit","exitCode":0,"durationSeconds":3.2,"status":"passed","log":"logs/unit.log"}]""");

        var run = CliRun.Of("evaluate", "--gates", repositoryGates, "--artifacts", _temp.Root, "--profile", "ci", "--out", _temp.OutDir);

        Assert.NotEqual(2, run.ExitCode);
        using var report = ReadReport();
        Assert.Equal(config.Gates.Count, report.RootElement.GetProperty("gates").GetArrayLength());
        Assert.Equal(20, report.RootElement.GetProperty("risks").GetArrayLength());
        // The samples measure: tests.failed = 0 (5 passed) and coverage.line = 33.5 %.
        var known = new Dictionary<string, double> { ["tests.failed"] = 0, ["tests.total"] = 5, ["tests.pass_rate"] = 1, ["coverage.line"] = 33.5 };
        foreach (var gate in config.GatesFor("ci").Where(g => known.ContainsKey(g.Metric)))
        {
            var expected = Socrates.Gates.Evaluation.GateEvaluator.Decide(gate.Direction, gate.Fail, gate.Warn, known[gate.Metric]);
            Assert.Equal(expected.ToString().ToLowerInvariant(), GateField(gate.Id, "status"));
        }

        foreach (var gate in config.Gates.Where(g => g.Canary is null))
        {
            Assert.Equal("none", CanaryStatus(gate.Id));
            Assert.Contains($"gate '{gate.Id}', field 'canary': no canary", run.Error, StringComparison.Ordinal);
        }

        var html = File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.html"));
        Assert.Contains("href=\"../coverage/Summary.json\"", html, StringComparison.Ordinal);
        Assert.Contains("3.2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RecordHistoryTwice_SecondReportDrawsTheTrend()
    {
        var history = Path.Combine(_temp.Root, "..", Path.GetFileName(_temp.Root) + "-history.jsonl");
        try
        {
            _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);
            _temp.WriteMetric("race.lost_updates", 0, unit: "count");

            Assert.Equal(0, Evaluate("ci", ["--history", history, "--record-history"], "c1").ExitCode);
            Assert.Equal(0, Evaluate("ci", ["--history", history, "--record-history"], "c2").ExitCode);

            Assert.Equal(2, File.ReadAllLines(history).Length);
            using var report = ReadReport();
            var trend = report.RootElement.GetProperty("gates")[0].GetProperty("trend").GetProperty("values");
            Assert.Equal(2, trend.GetArrayLength());
            Assert.Contains("<svg class=\"spark\"", File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.html")), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(history);
        }
    }

    [Fact]
    public void Evaluate_RecordHistoryWithoutFile_UsageError()
    {
        var run = Evaluate("ci", "--record-history");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--record-history needs --history", run.Error, StringComparison.Ordinal);
    }

    private CliRun Evaluate(string profile, string? flag = null, string commit = "abc1234") => Evaluate(profile, flag is null ? [] : [flag], commit);

    private CliRun Evaluate(string profile, string[] extra, string commit)
    {
        string[] args = ["evaluate", "--gates", _temp.GatesFile, "--artifacts", _temp.Root, "--profile", profile, "--out", _temp.OutDir, "--commit", commit, .. extra];
        return CliRun.Of(args);
    }

    private JsonDocument ReadReport() => JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.json")));

    private string? ReportField(string name)
    {
        using var report = ReadReport();
        return report.RootElement.GetProperty(name).GetString();
    }

    private string? GateField(string gate, string field)
    {
        using var report = ReadReport();
        return report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gate).GetProperty(field).GetString();
    }

    private string? CanaryStatus(string gate)
    {
        using var report = ReadReport();
        return report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gate)
            .GetProperty("canary").GetProperty("status").GetString();
    }

    private static string TestsPassGates()
    {
        var document = GatesJson.Valid();
        document["gates"] = new JsonArray(new JsonObject
        {
            ["id"] = "tests-pass",
            ["title"] = "Every test passes",
            ["risks"] = new JsonArray("DATA-LOSS"),
            ["metric"] = "tests.failed",
            ["direction"] = "max",
            ["fail"] = 0,
            ["unit"] = "tests",
            ["profiles"] = new JsonArray("quick", "ci", "full"),
            ["suite"] = "unit",
            ["canary"] = new JsonObject { ["failpoint"] = "core.failpoints.self-test" },
        });
        return document.ToJsonString();
    }
}
