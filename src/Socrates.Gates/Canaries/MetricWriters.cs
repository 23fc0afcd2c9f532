using Socrates.Gates.Metrics;

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
        // Unreadable metric files are the evaluation's to report; here they simply name no writer.
        var writers = new MetricWriters();
        foreach (var sample in new MetricFileSource().Read(artifactsRoot).Samples)
        {
            writers.Add(sample.Name, sample.Assembly, sample.Test);
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
}
