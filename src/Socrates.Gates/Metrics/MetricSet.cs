using System.Globalization;

namespace Socrates.Gates.Metrics;

/// <summary>
/// The figures of one run, by name. When two files give the same name, the later
/// <c>writtenAt</c> wins (an undated figure is older than any dated one; on a tie the one added
/// last wins) and the clash is noted in <see cref="Problems"/>.
/// </summary>
internal sealed class MetricSet
{
    private readonly Dictionary<string, MetricSample> _samples = new(StringComparer.Ordinal);
    private readonly List<InputProblem> _problems = [];

    public MetricSet()
    {
    }

    public MetricSet(IEnumerable<MetricSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        foreach (var sample in samples)
        {
            Add(sample);
        }
    }

    public IReadOnlyList<InputProblem> Problems => _problems;

    public IEnumerable<MetricSample> Samples => _samples.Values.OrderBy(s => s.Name, StringComparer.Ordinal);

    public int Count => _samples.Count;

    /// <summary>The figure named <paramref name="name"/>, or null when nothing measured it.</summary>
    public MetricSample? Find(string name) => _samples.GetValueOrDefault(name);

    public void Add(MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!_samples.TryGetValue(sample.Name, out var existing))
        {
            _samples[sample.Name] = sample;
            return;
        }

        var keepNew = (sample.WrittenAt ?? DateTimeOffset.MinValue) >= (existing.WrittenAt ?? DateTimeOffset.MinValue);
        var (winner, loser) = keepNew ? (sample, existing) : (existing, sample);
        _samples[sample.Name] = winner;
        _problems.Add(new InputProblem(
            loser.Origin,
            $"metric '{sample.Name}' is also given by {winner.Origin}; using {winner.Origin} (written {Stamp(winner)}) "
            + $"over {loser.Origin} (written {Stamp(loser)}), the later one"));
    }

    private static string Stamp(MetricSample sample) =>
        sample.WrittenAt?.ToString("O", CultureInfo.InvariantCulture) ?? "at an unknown time";
}
