using System.Text.Json;

namespace Socrates.Gates.Benchmarks.Output;

/// <summary>Writes and removes <c>{artifacts}/metrics/{name}.json</c>, atomically (temporary file, then rename).</summary>
public static class MetricFileWriter
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public static string PathOf(string metricsDirectory, string name) => Path.Combine(metricsDirectory, name + ".json");

    public static void Write(string metricsDirectory, MetricFile metric)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricsDirectory);
        ArgumentNullException.ThrowIfNull(metric);
        if (!double.IsFinite(metric.Value))
        {
            throw new ArgumentException($"Metric '{metric.Name}' has value {metric.Value}; a metric is a finite number.", nameof(metric));
        }

        Directory.CreateDirectory(metricsDirectory);
        var target = PathOf(metricsDirectory, metric.Name);
        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(metric, s_json));
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Deletes a metric left by an earlier run, so a comparison that failed now cannot pass on old evidence.</summary>
    public static bool Remove(string metricsDirectory, string name)
    {
        var path = PathOf(metricsDirectory, name);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
