using System.Text.Json;

namespace Socrates.Gates.Metrics;

/// <summary>
/// Reads <c>metrics/*.json</c>: each file is one metric object
/// (<c>name, value, unit, evidence, suite, profile, failpoints, writtenAt</c>) or
/// <c>{"metrics": [ ... ]}</c>. Unknown fields are ignored; a bad file or entry is a problem,
/// not a crash, and its figure is simply absent (so its gate comes out missing).
/// </summary>
internal sealed class MetricFileSource : IMetricSource
{
    public const string Folder = "metrics";

    public string Name => "metric files";

    public MetricSourceResult Read(string artifactsRoot)
    {
        var directory = Path.Combine(artifactsRoot, Folder);
        if (!Directory.Exists(directory))
        {
            return MetricSourceResult.Empty;
        }

        var samples = new List<MetricSample>();
        var problems = new List<InputProblem>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var origin = ArtifactPath.Relative(artifactsRoot, file);
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                ReadDocument(document.RootElement, origin, samples, problems);
            }
            catch (JsonException ex)
            {
                problems.Add(new InputProblem(origin, $"malformed JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(origin, $"cannot read: {ex.Message}"));
            }
        }

        return new MetricSourceResult(samples, problems);
    }

    /// <summary>Reads one parsed metric file (either form) into <paramref name="samples"/>.</summary>
    internal static void ReadDocument(JsonElement root, string origin, List<MetricSample> samples, List<InputProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputProblem(origin, $"expected a metric object or {{\"metrics\": [...]}}, found {root.ValueKind}"));
            return;
        }

        if (!root.TryGetProperty("metrics", out var list))
        {
            AddSample(root, origin, samples, problems);
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new InputProblem(origin, $"'metrics' must be an array, found {list.ValueKind}"));
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            AddSample(item, origin, samples, problems);
        }
    }

    private static void AddSample(JsonElement element, string origin, List<MetricSample> samples, List<InputProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputProblem(origin, $"a metric must be an object, found {element.ValueKind}"));
            return;
        }

        var name = Text(element, "name");
        if (name is null)
        {
            problems.Add(new InputProblem(origin, "a metric has no 'name'; ignored"));
            return;
        }

        if (!element.TryGetProperty("value", out var valueElement)
            || valueElement.ValueKind != JsonValueKind.Number
            || !valueElement.TryGetDouble(out var value)
            || !double.IsFinite(value))
        {
            var found = element.TryGetProperty("value", out var v) ? v.GetRawText() : "nothing";
            problems.Add(new InputProblem(origin, $"metric '{name}' has no finite numeric 'value' (found {found}); ignored"));
            return;
        }

        DateTimeOffset? writtenAt = null;
        var writtenText = Text(element, "writtenAt");
        if (writtenText is not null)
        {
            if (element.GetProperty("writtenAt").TryGetDateTimeOffset(out var parsed))
            {
                writtenAt = parsed;
            }
            else
            {
                problems.Add(new InputProblem(origin, $"metric '{name}' has an unreadable writtenAt '{writtenText}'; treated as undated"));
            }
        }

        List<string>? failpoints = null;
        if (element.TryGetProperty("failpoints", out var fp) && fp.ValueKind == JsonValueKind.Array)
        {
            failpoints = [.. fp.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!)];
        }

        samples.Add(new MetricSample(
            name,
            value,
            Text(element, "unit"),
            Text(element, "evidence")?.Replace('\\', '/'),
            Text(element, "suite"),
            Text(element, "profile"),
            failpoints,
            writtenAt,
            origin));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
