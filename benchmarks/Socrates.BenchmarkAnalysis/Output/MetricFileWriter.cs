using Socrates.Evidence;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>Writes and removes the benchmark suite's <c>{artifacts}/metrics/{name}.json</c> (<see cref="MetricFiles"/>).</summary>
public static class MetricFileWriter
{
    /// <summary>The suite every benchmark metric is recorded under.</summary>
    public const string BenchmarksSuite = "benchmarks";

    public static string PathOf(string metricsDirectory, string name) => MetricFiles.PathOf(metricsDirectory, name);

    public static void Write(string metricsDirectory, MetricRecord metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!double.IsFinite(metric.Value))
        {
            throw new ArgumentException($"Metric '{metric.Name}' has value {metric.Value}; a metric is a finite number.", nameof(metric));
        }

        MetricFiles.Write(metricsDirectory, metric);
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
