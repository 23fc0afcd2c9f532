using System.Text.Json;
using Socrates.Core.Failpoints;
using Socrates.Evidence;
using Socrates.Testing.Identity;
using Socrates.Testing.Profiles;

namespace Socrates.Testing.Metrics;

/// <summary>
/// Writes a metric for the gate engine: <c>{artifacts}/metrics/{name}.json</c>, atomically
/// (<see cref="MetricFiles"/>) so the engine never reads half a file. A metric written while the
/// test works on the user's own V1 database carries that database's SHA-256
/// (<see cref="Rehearsal.RehearsalDatabase.CurrentDataset"/>).
/// </summary>
public static class MetricsWriter
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Records <paramref name="value"/> for metric <paramref name="name"/>.</summary>
    /// <param name="suite">The suite that measured it (unit, properties, accuracy, integrity, benchmarks).</param>
    /// <param name="evidencePath">A file backing the figure; stored relative to the artifacts root.</param>
    public static MetricRecord Write(string suite, string name, double value, string unit, string? evidencePath = null) =>
        Store(suite, name, value, unit, evidencePath, MetricRecord.Measured, reason: null);

    /// <summary>
    /// Records that metric <paramref name="name"/> could not be measured cleanly within the test's
    /// budget (the machine was too busy, the spread too wide): the gate comes out inconclusive,
    /// which blocks GO without calling the code under test bad. <paramref name="lastValue"/> is
    /// the last reading, shown beside <paramref name="reason"/>.
    /// </summary>
    public static MetricRecord WriteInconclusive(string suite, string name, double lastValue, string unit, string reason, string? evidencePath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Store(suite, name, lastValue, unit, evidencePath, MetricRecord.Inconclusive, reason);
    }

    private static MetricRecord Store(string suite, string name, double value, string unit, string? evidencePath, string status, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException($"Metric name '{name}' cannot be a file name.", nameof(name));
        }

        var record = new MetricRecord(
            name,
            value,
            unit,
            evidencePath is null ? null : Path.GetRelativePath(ArtifactPaths.Root, Path.GetFullPath(evidencePath)),
            suite,
            TestProfile.Current.Name,
            [.. Failpoint.ActiveFromEnvironment],
            DateTimeOffset.UtcNow,
            TestIdentity.Current,
            TestIdentity.Assembly,
            status,
            reason,
            Rehearsal.RehearsalDatabase.CurrentDataset);

        MetricFiles.Write(ArtifactPaths.MetricsDirectory, record);
        return record;
    }

    /// <summary>Writes an evidence file as indented JSON and returns its path.</summary>
    public static string WriteEvidence<T>(string suite, string fileName, T content)
    {
        var path = ArtifactPaths.Evidence(suite, fileName);
        File.WriteAllText(path, JsonSerializer.Serialize(content, s_json));
        return path;
    }
}
