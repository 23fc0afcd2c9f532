using System.Text.RegularExpressions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Finds metrics that a rehearsal test (one that takes its V1 database through the seam,
/// <c>RehearsalDatabase.CopyConfiguredTo</c>) writes and another test file writes too. One file per
/// metric name means the later writer wins: a figure from generated data written after the one
/// measured on the user's database would replace it, a 0 included. Reads the literal metric names
/// of <c>MetricsWriter.Write</c> and <c>WriteInconclusive</c> calls, as every suite spells them.
/// </summary>
internal static partial class SeamMetricWriters
{
    private const string SeamCall = "RehearsalDatabase.CopyConfiguredTo";

    /// <summary>One line per clash: the metric and every file that writes it.</summary>
    public static IReadOnlyList<string> Clashes(IEnumerable<(string Path, string Text)> files)
    {
        var writes = files
            .SelectMany(f => WriteCall().Matches(f.Text).Select(m => (f.Path, Name: m.Groups["name"].Value, Seam: f.Text.Contains(SeamCall, StringComparison.Ordinal))))
            .ToList();
        return
        [
            .. writes.Where(w => w.Seam).Select(w => w.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(name => (name, paths: writes.Where(w => w.Name == name).Select(w => w.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
                .Where(m => m.paths.Count > 1)
                .Select(m => $"{m.name}: written by {string.Join(", ", m.paths)}"),
        ];
    }

    [GeneratedRegex("""MetricsWriter\.Write(?:Inconclusive)?\(\s*[^,()]+,\s*"(?<name>[^"]+)"\s*,""")]
    private static partial Regex WriteCall();
}
