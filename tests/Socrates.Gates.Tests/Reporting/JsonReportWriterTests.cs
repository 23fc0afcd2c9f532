using System.Text.Json;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class JsonReportWriterTests
{
    [Fact]
    public void Render_TopLevel_RequiredFieldsPresent()
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Render(Reports.Mixed()));
        var root = document.RootElement;

        foreach (var field in new[] { "verdict", "profile", "commit", "generatedAt", "gates", "risks", "tests", "coverage", "suites", "changes", "problems", "signOff", "machine" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing top-level field '{field}'");
        }

        Assert.Equal("NO-GO", root.GetProperty("verdict").GetString());
        Assert.Equal("full", root.GetProperty("profile").GetString());
        Assert.Equal("0123abc", root.GetProperty("commit").GetString());
        Assert.Equal(Reports.Now, root.GetProperty("generatedAt").GetDateTimeOffset());
    }

    [Fact]
    public void Render_Gate_FieldsAndEnumWords()
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Render(Reports.Mixed()));
        var gates = document.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!);

        var pass = gates["pass-gate"];
        foreach (var field in new[] { "id", "title", "status", "value", "unit", "fail", "warn", "direction", "risks", "evidence", "canary" })
        {
            Assert.True(pass.TryGetProperty(field, out _), $"missing gate field '{field}'");
        }

        Assert.Equal("pass", pass.GetProperty("status").GetString());
        Assert.Equal(0.95, pass.GetProperty("value").GetDouble());
        Assert.Equal("min", pass.GetProperty("direction").GetString());
        Assert.Equal("fp.pass", pass.GetProperty("canary").GetProperty("failpoint").GetString());
        Assert.Equal(JsonValueKind.Null, pass.GetProperty("canary").GetProperty("fixture").ValueKind);
        Assert.Equal("verified", pass.GetProperty("canary").GetProperty("status").GetString());
        Assert.Equal("insensitive", gates["blind-gate"].GetProperty("canary").GetProperty("status").GetString());
        Assert.Equal("none", gates["warn-gate"].GetProperty("canary").GetProperty("status").GetString());
        Assert.Equal("missing", gates["missing-gate"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, gates["missing-gate"].GetProperty("value").ValueKind);
    }

    [Fact]
    public void Render_Risks_StatusWordsAndGates()
    {
        using var document = JsonDocument.Parse(JsonReportWriter.Render(Reports.Mixed()));
        var risks = document.RootElement.GetProperty("risks").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal("at_risk", risks["R2"].GetProperty("status").GetString());
        Assert.Equal("untested", risks["R3"].GetProperty("status").GetString());
        Assert.Equal("high", risks["R3"].GetProperty("severity").GetString());
        Assert.Equal(["fail-gate", "missing-gate"], risks["R2"].GetProperty("gates").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public void TryRead_RenderedReport_RoundTrips()
    {
        var report = Reports.Mixed();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, JsonReportWriter.Render(report));
        try
        {
            var read = JsonReportWriter.TryRead(path, out var error);

            Assert.Null(error);
            Assert.NotNull(read);
            Assert.Equal(report.Verdict, read.Verdict);
            Assert.Equal(report.Gates.Select(g => (g.Id, g.Status, g.Value)), read.Gates.Select(g => (g.Id, g.Status, g.Value)));
            Assert.Equal(CanaryStatus.Insensitive, read.Gates.Single(g => g.Id == "blind-gate").Canary.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"verdict\":\"GO\"}")]
    [InlineData("{\"gates\":[{\"id\":\"a\",\"status\":\"purple\"}]}")]
    public void TryRead_NotAReport_NullWithError(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        try
        {
            Assert.Null(JsonReportWriter.TryRead(path, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
