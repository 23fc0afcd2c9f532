using System.Text.Json;
using Socrates.Gates.Metrics;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class CoverageSourceTests
{
    [Fact]
    public void Read_RealReportGeneratorSummary_LineBranchMethod()
    {
        using var temp = new TempArtifacts();
        temp.WriteCoverage();

        var result = new CoverageSource().Read(temp.Root);

        Assert.Empty(result.Problems);
        var metrics = new MetricSet(result.Samples);
        Assert.Equal(33.5, metrics.Find("coverage.line")!.Value);
        Assert.Equal(27.7, metrics.Find("coverage.branch")!.Value);
        Assert.Equal(33.3, metrics.Find("coverage.method")!.Value);
        Assert.Equal("percent", metrics.Find("coverage.line")!.Unit);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 12, 8, 52, TimeSpan.Zero), metrics.Find("coverage.line")!.WrittenAt);
        Assert.Equal(33.5, result.Coverage!.Line);
        Assert.Equal("coverage/Summary.json", result.Coverage.Source);
        Assert.Null(result.Coverage.HtmlReport);
    }

    [Fact]
    public void Read_HtmlReportPresent_EvidenceIsTheHtml()
    {
        using var temp = new TempArtifacts();
        temp.WriteCoverage();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "coverage", "index.html"), "<html></html>");

        var result = new CoverageSource().Read(temp.Root);

        Assert.Equal("coverage/index.html", result.Coverage!.HtmlReport);
        Assert.Equal("coverage/index.html", new MetricSet(result.Samples).Find("coverage.line")!.Evidence);
    }

    [Fact]
    public void Parse_BranchCoverageNull_BranchAbsent()
    {
        using var document = JsonDocument.Parse("""{"summary":{"linecoverage":100,"branchcoverage":null}}""");

        var result = CoverageSource.Parse(document.RootElement, "coverage/Summary.json", null, DateTimeOffset.UnixEpoch);

        var metrics = new MetricSet(result.Samples);
        Assert.Equal(100, metrics.Find("coverage.line")!.Value);
        Assert.Null(metrics.Find("coverage.branch"));
        Assert.Null(result.Coverage!.Branch);
    }

    [Fact]
    public void Parse_NoSummaryObject_Problem()
    {
        using var document = JsonDocument.Parse("""{"coverage":{}}""");

        var result = CoverageSource.Parse(document.RootElement, "coverage/Summary.json", null, DateTimeOffset.UnixEpoch);

        Assert.Empty(result.Samples);
        Assert.Contains("no 'summary'", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedSummary_ProblemNoFigures()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "coverage", "Summary.json"), "{ \"summary\": ");

        var result = new CoverageSource().Read(temp.Root);

        Assert.Empty(result.Samples);
        Assert.Equal("coverage/Summary.json", Assert.Single(result.Problems).Source);
    }

    [Fact]
    public void Read_NoSummary_Nothing()
    {
        using var temp = new TempArtifacts();

        var result = new CoverageSource().Read(temp.Root);

        Assert.Empty(result.Samples);
        Assert.Null(result.Coverage);
    }
}
