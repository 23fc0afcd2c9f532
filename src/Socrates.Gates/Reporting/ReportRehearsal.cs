using Socrates.Evidence;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Reporting;

/// <summary>
/// "Rehearsed on": the user's own V1 database some suites ran on instead of generated data,
/// named by <see cref="Path"/>, <see cref="Bytes"/> and <see cref="Sha256"/> (before the run);
/// <see cref="Sha256After"/> is its digest when the last test using it ended, and
/// <see cref="SourceUnchanged"/> holds only when every one of the <see cref="Checks"/> tests found
/// it unchanged (<see cref="ChangedBy"/> names those that did not). <see cref="Gates"/> are the
/// gates decided on a figure measured on it; every other gate ran on generated data.
/// </summary>
internal sealed record ReportRehearsal(
    string Path,
    long Bytes,
    string Sha256,
    string Sha256After,
    bool SourceUnchanged,
    int Checks,
    IReadOnlyList<string> ChangedBy,
    IReadOnlyList<string> Gates)
{
    /// <summary>One block per database the records name (normally one), with the gates fed by it.</summary>
    public static IReadOnlyList<ReportRehearsal> Of(IReadOnlyList<RehearsalRecord> records, IEnumerable<(string Gate, MetricSample? Sample)> gates)
    {
        ArgumentNullException.ThrowIfNull(records);
        var decided = gates.ToList();
        return records
            .GroupBy(r => r.Sha256Before.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var ordered = group.OrderBy(r => r.WrittenAt).ToList();
                var changed = ordered.Where(r => !r.SourceUnchanged).ToList();
                return new ReportRehearsal(
                    ordered[0].Path,
                    ordered[0].Bytes,
                    group.Key,
                    ordered[^1].Sha256After.ToLowerInvariant(),
                    changed.Count == 0,
                    ordered.Count,
                    [.. changed.Select(r => $"{r.Test ?? "a test"}: sha256 {r.Sha256After} after")],
                    [.. decided.Where(d => IsFrom(d.Sample, group.Key)).Select(d => d.Gate)]);
            })
            .ToList();
    }

    /// <summary>True when the figure says it was measured on the database <paramref name="sha256"/>.</summary>
    public static bool IsFrom(MetricSample? sample, string sha256) =>
        sample?.Dataset is { } dataset && string.Equals(dataset, sha256, StringComparison.OrdinalIgnoreCase);
}
