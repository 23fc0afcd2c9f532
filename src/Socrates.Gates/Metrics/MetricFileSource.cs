using System.Text.Json;
using Socrates.Evidence;

namespace Socrates.Gates.Metrics;

/// <summary>
/// Reads <c>metrics/*.json</c>: each file is one metric object (a <see cref="MetricRecord"/>,
/// its fields named by <see cref="MetricFields"/>) or <c>{"metrics": [ ... ]}</c>. Unknown fields are ignored; a bad file or
/// entry is a problem, not a crash, and its figure is simply absent (so its gate comes out
/// missing): read field by field rather than deserialized, so that one bad field costs only its
/// figure. A status other than <c>measured</c> or <c>inconclusive</c> is read as inconclusive:
/// a figure the engine does not understand must not pass a gate.
/// </summary>
internal sealed class MetricFileSource : IMetricSource
{
    public const string Folder = MetricFiles.Folder;

    public const string Measured = MetricRecord.Measured;
    public const string Inconclusive = MetricRecord.Inconclusive;

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
        var files = Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
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

        return new MetricSourceResult(samples, problems) { Files = files };
    }

    /// <summary>Reads one parsed metric file (either form) into <paramref name="samples"/>.</summary>
    internal static void ReadDocument(JsonElement root, string origin, List<MetricSample> samples, List<InputProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new InputProblem(origin, $"expected a metric object or {{\"metrics\": [...]}}, found {root.ValueKind}"));
            return;
        }

        if (!root.TryGetProperty(MetricFields.Metrics, out var list))
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

        var name = Text(element, MetricFields.Name);
        if (name is null)
        {
            problems.Add(new InputProblem(origin, "a metric has no 'name'; ignored"));
            return;
        }

        var (status, reason) = StatusOf(element, name, origin, problems);
        var value = double.NaN;
        var hasValue = element.TryGetProperty(MetricFields.Value, out var valueElement)
            && valueElement.ValueKind == JsonValueKind.Number
            && valueElement.TryGetDouble(out value)
            && double.IsFinite(value);

        // An inconclusive figure need not carry a last reading: the gate is not decided on it.
        if (!hasValue && status != MetricStatus.Inconclusive)
        {
            var found = element.TryGetProperty(MetricFields.Value, out var v) ? v.GetRawText() : "nothing";
            problems.Add(new InputProblem(origin, $"metric '{name}' has no finite numeric 'value' (found {found}); ignored"));
            return;
        }

        value = hasValue ? value : double.NaN;

        DateTimeOffset? writtenAt = null;
        var writtenText = Text(element, MetricFields.WrittenAt);
        if (writtenText is not null)
        {
            if (element.GetProperty(MetricFields.WrittenAt).TryGetDateTimeOffset(out var parsed))
            {
                writtenAt = parsed;
            }
            else
            {
                problems.Add(new InputProblem(origin, $"metric '{name}' has an unreadable writtenAt '{writtenText}'; treated as undated"));
            }
        }

        List<string>? failpoints = null;
        if (element.TryGetProperty(MetricFields.Failpoints, out var fp) && fp.ValueKind == JsonValueKind.Array)
        {
            failpoints = [.. fp.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!)];
        }

        samples.Add(new MetricSample(
            name,
            value,
            Text(element, MetricFields.Unit),
            Text(element, MetricFields.Evidence)?.Replace('\\', '/'),
            Text(element, MetricFields.Suite),
            Text(element, MetricFields.Profile),
            failpoints,
            writtenAt,
            origin)
        {
            Test = Text(element, MetricFields.Test),
            Assembly = Text(element, MetricFields.Assembly),
            Status = status,
            Reason = reason,
            Dataset = Text(element, MetricFields.Dataset),
        });
    }

    private static (MetricStatus Status, string? Reason) StatusOf(JsonElement element, string name, string origin, List<InputProblem> problems)
    {
        var status = Text(element, MetricFields.Status);
        var reason = Text(element, MetricFields.Reason);
        switch (status)
        {
            case null or Measured:
                return (MetricStatus.Measured, null);
            case Inconclusive:
                return (MetricStatus.Inconclusive, reason ?? "the writer gave no reason");
            default:
                problems.Add(new InputProblem(origin, $"metric '{name}' has an unknown status '{status}'; read as inconclusive"));
                return (MetricStatus.Inconclusive, $"unknown status '{status}'" + (reason is null ? "" : ": " + reason));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
