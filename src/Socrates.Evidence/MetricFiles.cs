using System.Text.Json;

namespace Socrates.Evidence;

/// <summary>
/// Where metric files live (<c>{artifacts}/metrics/{name}.json</c>) and how they are written:
/// indented JSON, atomically, so the engine never reads half a file.
/// </summary>
public static class MetricFiles
{
    /// <summary>The folder under an artifacts root holding one JSON file per metric.</summary>
    public const string Folder = "metrics";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public static string PathOf(string metricsDirectory, string name) => Path.Combine(metricsDirectory, name + ".json");

    /// <summary>Writes <paramref name="metric"/> to <c>{metricsDirectory}/{name}.json</c> and returns that path.</summary>
    public static string Write(string metricsDirectory, MetricRecord metric)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricsDirectory);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric.Name);
        if (metric.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Metric name '{metric.Name}' cannot be a file name.", nameof(metric));
        }

        var target = PathOf(metricsDirectory, metric.Name);
        AtomicFile.WriteAllText(target, JsonSerializer.Serialize(metric, s_json));
        return target;
    }
}
