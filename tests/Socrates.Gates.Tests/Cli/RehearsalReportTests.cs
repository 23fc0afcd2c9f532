using System.Text.Json;
using Socrates.Evidence;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

/// <summary>
/// A rehearsal on the user's own V1 database, as the engine learns it from evidence: rehearsal
/// records under <c>rehearsal/</c> and figures whose <c>dataset</c> names that database. The
/// report shows a "Rehearsed on" block in every format and marks only the gates fed by it.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RehearsalReportTests : IDisposable
{
    private const string Sha = "4b3f0c0ffee0000000000000000000000000000000000000000000000000abcd";
    private const string UserFile = "/home/user/socrates/projects.db";
    private readonly TempArtifacts _temp = new();

    public RehearsalReportTests() => _temp.WriteGates(GatesJson.Valid().ToJsonString());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Evaluate_RealFigureAndRecord_BlockInEveryFormatOnlyThatGateMarked()
    {
        WriteRecord(Sha, Sha);
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, dataset: Sha);
        _temp.WriteMetric("race.lost_updates", 0, unit: "count");

        Assert.Equal(0, Evaluate().ExitCode);

        using var report = ReadReport();
        var block = Assert.Single(report.RootElement.GetProperty("rehearsedOn").EnumerateArray().ToList());
        Assert.Equal(UserFile, block.GetProperty("path").GetString());
        Assert.Equal(123_456, block.GetProperty("bytes").GetInt64());
        Assert.Equal(Sha, block.GetProperty("sha256").GetString());
        Assert.Equal(Sha, block.GetProperty("sha256After").GetString());
        Assert.True(block.GetProperty("sourceUnchanged").GetBoolean());
        Assert.Equal(["roundtrip"], block.GetProperty("gates").EnumerateArray().Select(g => g.GetString()));
        Assert.True(RealData(report, "roundtrip"));
        Assert.False(RealData(report, "lost-updates"));

        var html = File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.html"));
        Assert.Contains("<h2 id=\"rehearsed-on\">Rehearsed on</h2>", html, StringComparison.Ordinal);
        Assert.Contains(UserFile, html, StringComparison.Ordinal);
        Assert.Contains(Sha, html, StringComparison.Ordinal);
        Assert.Single(html.Split("<span class=\"s real-data\">real data</span>").Skip(1));
        var markdown = File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.md"));
        Assert.Contains("### Rehearsed on", markdown, StringComparison.Ordinal);
        Assert.Contains($"`{UserFile}`, 123456 bytes", markdown, StringComparison.Ordinal);
        Assert.Contains("**unchanged**", markdown, StringComparison.Ordinal);
        Assert.Single(markdown.Split("**(real data)**").Skip(1));
        var junit = File.ReadAllText(Path.Combine(_temp.OutDir, "junit.xml"));
        Assert.Contains("name=\"rehearsed-on\"", junit, StringComparison.Ordinal);
        Assert.Contains("<property name=\"data\" value=\"real\" />", junit, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_FigureNamesDatasetNoRecordNames_ShownGeneratedWithProblem()
    {
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, dataset: Sha);
        _temp.WriteMetric("race.lost_updates", 0, unit: "count");

        Evaluate();

        using var report = ReadReport();
        Assert.Empty(report.RootElement.GetProperty("rehearsedOn").EnumerateArray());
        Assert.False(RealData(report, "roundtrip"));
        Assert.Contains(report.RootElement.GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("message").GetString()!.Contains("no rehearsal record of this run names that database", StringComparison.Ordinal));
        Assert.DoesNotContain("Rehearsed on", File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SourceChangedDuringRun_BlockSaysChangedAndProblem()
    {
        const string After = "ffff0c0ffee0000000000000000000000000000000000000000000000000abcd";
        WriteRecord(Sha, After);
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, dataset: Sha);

        Evaluate();

        using var report = ReadReport();
        var block = Assert.Single(report.RootElement.GetProperty("rehearsedOn").EnumerateArray().ToList());
        Assert.False(block.GetProperty("sourceUnchanged").GetBoolean());
        Assert.Equal(After, block.GetProperty("sha256After").GetString());
        Assert.Contains(report.RootElement.GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("message").GetString()!.Contains("changed during the run", StringComparison.Ordinal));
        Assert.Contains("**CHANGED**", File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RecordUnreadable_ProblemAndNoBlock()
    {
        TempArtifacts.WriteFile(Path.Combine(_temp.Root, RehearsalRecord.Folder, "broken.json"), "{ not json");
        _temp.WriteMetric("v2.roundtrip.equality_rate", 1.0);

        Evaluate();

        using var report = ReadReport();
        Assert.Empty(report.RootElement.GetProperty("rehearsedOn").EnumerateArray());
        Assert.Contains(report.RootElement.GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("source").GetString() == "rehearsal/broken.json");
    }

    private void WriteRecord(string before, string after) =>
        new RehearsalRecord(UserFile, 123_456, before, after, "Socrates.Integrity.Tests.V1ToV2.V1ToV2MigrationTests.MigrateAsync_GeneratedV1Database_LosesNothingAndIsIdempotent", DateTimeOffset.UnixEpoch)
            .Write(_temp.Root, "migration");

    private CliRun Evaluate() =>
        CliRun.Of(["evaluate", "--gates", _temp.GatesFile, "--artifacts", _temp.Root, "--profile", "ci", "--out", _temp.OutDir, "--commit", "abc1234"]);

    private JsonDocument ReadReport() => JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.json")));

    private static bool RealData(JsonDocument report, string gate) =>
        report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gate).GetProperty("realData").GetBoolean();
}
