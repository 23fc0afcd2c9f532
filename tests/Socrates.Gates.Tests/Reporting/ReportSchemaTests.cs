using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

/// <summary>
/// The shipped <c>gate-report.schema.json</c> is the report model's own schema, and every report
/// the tests render validates against it. Set SOCRATES_WRITE_REPORT_SCHEMA=1 to rewrite the
/// shipped file after changing the model on purpose (then review its diff).
/// </summary>
[Trait("Category", "Unit")]
public sealed class ReportSchemaTests
{
    private static readonly string s_shippedPath = Path.Combine(Socrates.Evidence.RepositoryRoot.Current, ReportSchema.FileName);

    [Fact]
    public void Export_ShippedSchema_MatchesTheModel()
    {
        var exported = ReportSchema.Export().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("SOCRATES_WRITE_REPORT_SCHEMA") == "1")
        {
            File.WriteAllText(s_shippedPath, exported);
        }

        Assert.True(File.Exists(s_shippedPath), $"{s_shippedPath} is missing; run this test with SOCRATES_WRITE_REPORT_SCHEMA=1");
        Assert.Equal(exported, File.ReadAllText(s_shippedPath));
    }

    public static TheoryData<string> Renderings() => new() { "mixed", "all-green", "warn-only" };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Render_EveryReport_ValidAgainstShippedSchema(string name)
    {
        var report = name switch
        {
            "mixed" => Reports.Mixed(),
            "all-green" => Reports.AllGreen(),
            _ => Reports.WarnOnly(),
        };
        var schema = JsonSchema.FromText(File.ReadAllText(s_shippedPath));

        using var document = JsonDocument.Parse(JsonReportWriter.Render(report));
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void Evaluate_ReportWithoutVerdict_Invalid()
    {
        // The schema must be able to refuse: a report with its verdict removed is not a report.
        var schema = JsonSchema.FromText(File.ReadAllText(s_shippedPath));
        var report = JsonNode.Parse(JsonReportWriter.Render(Reports.Mixed()))!.AsObject();
        report.Remove("verdict");

        using var document = JsonDocument.Parse(report.ToJsonString());
        Assert.False(schema.Evaluate(document.RootElement).IsValid);
    }
}
