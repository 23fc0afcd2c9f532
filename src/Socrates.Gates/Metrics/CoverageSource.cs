using System.Text.Json;

namespace Socrates.Gates.Metrics;

/// <summary>
/// Reads ReportGenerator's JsonSummary (<c>coverage/Summary.json</c>:
/// <c>{"summary": {"linecoverage": 78.5, "branchcoverage": 61.2, "methodcoverage": ...}}</c>)
/// into <c>coverage.line</c>, <c>coverage.branch</c> and <c>coverage.method</c>, in percent.
/// A figure the summary gives as null (no branches at all) is simply absent.
/// </summary>
internal sealed class CoverageSource : IMetricSource
{
    public const string Folder = "coverage";
    public const string SummaryFile = "Summary.json";
    public const string HtmlIndex = "index.html";
    public const string Unit = "percent";

    public string Name => "coverage";

    public MetricSourceResult Read(string artifactsRoot)
    {
        var path = Path.Combine(artifactsRoot, Folder, SummaryFile);
        if (!File.Exists(path))
        {
            return MetricSourceResult.Empty;
        }

        return ReadSummary(artifactsRoot, path) with { Files = [path] };
    }

    private static MetricSourceResult ReadSummary(string artifactsRoot, string path)
    {
        var origin = ArtifactPath.Relative(artifactsRoot, path);
        var html = Path.Combine(artifactsRoot, Folder, HtmlIndex);
        var htmlOrigin = File.Exists(html) ? ArtifactPath.Relative(artifactsRoot, html) : null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return Parse(document.RootElement, origin, htmlOrigin, File.GetLastWriteTimeUtc(path));
        }
        catch (JsonException ex)
        {
            return new MetricSourceResult([], [new InputProblem(origin, $"malformed coverage summary: {ex.Message}")]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new MetricSourceResult([], [new InputProblem(origin, $"cannot read coverage summary: {ex.Message}")]);
        }
    }

    /// <summary>Reads a parsed JsonSummary document.</summary>
    internal static MetricSourceResult Parse(JsonElement root, string origin, string? htmlOrigin, DateTimeOffset fileTime)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("summary", out var summary)
            || summary.ValueKind != JsonValueKind.Object)
        {
            return new MetricSourceResult([], [new InputProblem(origin, "no 'summary' object: not a ReportGenerator JsonSummary")]);
        }

        var writtenAt = summary.TryGetProperty("generatedon", out var g) && g.ValueKind == JsonValueKind.String && g.TryGetDateTimeOffset(out var generated)
            ? generated
            : fileTime;
        var line = Percent(summary, "linecoverage");
        var branch = Percent(summary, "branchcoverage");
        var method = Percent(summary, "methodcoverage");
        var evidence = htmlOrigin ?? origin;
        var samples = new List<MetricSample>();
        void Add(string name, double? value)
        {
            if (value is not null)
            {
                samples.Add(new MetricSample(name, value.Value, Unit, evidence, null, null, null, writtenAt, origin));
            }
        }

        Add("coverage.line", line);
        Add("coverage.branch", branch);
        Add("coverage.method", method);
        var problems = line is null
            ? new List<InputProblem> { new(origin, "the summary gives no 'linecoverage'") }
            : [];
        return new MetricSourceResult(samples, problems) { Coverage = new CoverageSummary(line, branch, method, origin, htmlOrigin) };
    }

    private static double? Percent(JsonElement summary, string name) =>
        summary.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : null;
}
