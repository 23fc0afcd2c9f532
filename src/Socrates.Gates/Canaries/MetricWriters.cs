using System.Text.Json;

namespace Socrates.Gates.Canaries;

/// <summary>
/// Which test (and test assembly) wrote each metric of a clean run, read from the <c>test</c> and
/// <c>assembly</c> fields of its metric files. Learned at run time, so a test added tomorrow
/// is targeted by its gate's canary without a list to keep.
/// </summary>
internal sealed class MetricWriters
{
    private readonly Dictionary<string, List<(string? Assembly, string? Test)>> _byMetric = new(StringComparer.Ordinal);

    public static MetricWriters Read(string artifactsRoot)
    {
        var writers = new MetricWriters();
        var folder = Path.Combine(artifactsRoot, "metrics");
        if (!Directory.Exists(folder))
        {
            return writers;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                var root = document.RootElement;
                var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("metrics", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().ToList()
                    : [root];
                foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    var name = Text(item, "name");
                    if (name is not null)
                    {
                        writers.Add(name, Text(item, "assembly"), Text(item, "test"));
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // The evaluation reports unreadable metric files; here they simply name no writer.
            }
        }

        return writers;
    }

    public void Add(string metric, string? assembly, string? test)
    {
        if (!_byMetric.TryGetValue(metric, out var list))
        {
            _byMetric[metric] = list = [];
        }

        if (!list.Contains((assembly, test)))
        {
            list.Add((assembly, test));
        }
    }

    /// <summary>The writers of <paramref name="metric"/>; empty when the clean run did not write it.</summary>
    public IReadOnlyList<(string? Assembly, string? Test)> Of(string metric) =>
        _byMetric.TryGetValue(metric, out var list) ? list : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
