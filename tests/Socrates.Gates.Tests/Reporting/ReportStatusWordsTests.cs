using System.Text.Json;
using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

/// <summary>Inconclusive gates, unproven risks and the sensitivity count, as every report format shows them.</summary>
[Trait("Category", "Unit")]
public sealed class ReportStatusWordsTests
{
    private const string Why = "spread 45 % after 5 tries";

    [Fact]
    public void Build_InconclusiveGate_VerdictInconclusiveWithReason()
    {
        var report = Inconclusive();

        Assert.Equal("INCONCLUSIVE", report.Verdict);
        var cause = Assert.Single(report.Causes);
        Assert.Equal(ReportCause.Inconclusive, cause.Kind);
        Assert.Contains(Why, cause.Text, StringComparison.Ordinal);
        Assert.Equal(RiskStatus.Inconclusive, Assert.Single(report.Risks).Status);
    }

    [Fact]
    public void Render_InconclusiveGate_ReasonInEveryFormat()
    {
        var report = Inconclusive();

        Assert.Contains(Why, HtmlReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains(Why, MarkdownReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains(Why, ConsoleSummary.Render(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(JsonReportWriter.Render(report));
        var gate = json.RootElement.GetProperty("gates")[0];
        Assert.Equal("inconclusive", gate.GetProperty("status").GetString());
        Assert.Contains(Why, gate.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("INCONCLUSIVE", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Render_InconclusiveGate_JUnitSkippedWithMessageNotPass()
    {
        var testCase = JUnitReportWriter.Build(Inconclusive()).Descendants("testcase").Single();

        var skipped = testCase.Element("skipped");
        Assert.NotNull(skipped);
        Assert.Contains(Why, (string?)skipped.Attribute("message"), StringComparison.Ordinal);
        Assert.Null(testCase.Element("failure"));
        Assert.Equal("inconclusive", testCase.Descendants("property").Single(p => p.Attribute("name")!.Value == "status").Attribute("value")!.Value);
    }

    [Fact]
    public void Render_GreenRiskWithoutProvenCanary_PassingUnprovenInEveryFormat()
    {
        var config = TestGates.Config([TestGates.Make(id: "a", metric: "m", fail: 0.9)]);
        var report = Build(config, TestGates.Metrics(("m", 1)));

        Assert.Equal(RiskStatus.PassingUnproven, Assert.Single(report.Risks).Status);
        Assert.Contains("passing, unproven", HtmlReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains("class=\"s passing_unproven\"", HtmlReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains("| passing, unproven |", MarkdownReportWriter.Render(report), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(JsonReportWriter.Render(report));
        Assert.Equal("passing_unproven", json.RootElement.GetProperty("risks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Render_Mixed_SensitivityCountInEveryFormat()
    {
        // Six gates apply in full (one is skipped); only pass-gate's canary went red.
        var report = Reports.Mixed();
        const string line = "1 of 6 gates proven sensitive in this run";

        Assert.Equal(line, report.Summary.Sensitivity);
        Assert.Contains(line, HtmlReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains(line, MarkdownReportWriter.Render(report), StringComparison.Ordinal);
        Assert.Contains(line, ConsoleSummary.Render(report), StringComparison.Ordinal);
        var property = JUnitReportWriter.Build(report).Descendants("property").Single(p => (string?)p.Attribute("name") == "sensitivity");
        Assert.Equal(line, (string?)property.Attribute("value"));
        using var json = JsonDocument.Parse(JsonReportWriter.Render(report));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("provenSensitive").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("summary").GetProperty("applicable").GetInt32());
    }

    private static GateReport Inconclusive()
    {
        var config = TestGates.Config([TestGates.Make(id: "soak", metric: "soak.heap", direction: Direction.Max, fail: 256, unit: "B/op")]);
        var sample = TestGates.Sample("soak.heap", 300, unit: "B/op") with { Status = MetricStatus.Inconclusive, Reason = Why };
        return Build(config, new MetricSet([sample]));
    }

    private static GateReport Build(GateConfig config, MetricSet metrics)
    {
        var evaluation = RunEvaluator.Evaluate(config, metrics, "ci", _ => null, canariesExpected: false);
        var snapshot = new ArtifactSnapshot(Reports.ArtifactsRoot, metrics, [], null, [], []);
        return ReportBuilder.Build(evaluation, snapshot, Reports.Context("ci"), null, null, []);
    }
}
