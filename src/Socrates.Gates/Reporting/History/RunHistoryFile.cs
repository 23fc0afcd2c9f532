using System.Text;
using System.Text.Json;

namespace Socrates.Gates.Reporting.History;

/// <summary>
/// The run history: one JSON line per run (<see cref="RunRecord"/>), oldest first, capped at
/// <see cref="Capacity"/> runs so a CI cache can carry it forever. It is not evidence: no
/// decision reads it, only the trend beside each gate. A line that does not parse is skipped and
/// named, never fatal.
/// </summary>
internal static class RunHistoryFile
{
    public const int Capacity = 200;

    public static IReadOnlyList<RunRecord> Read(string path, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!File.Exists(path))
        {
            return [];
        }

        var records = new List<RunRecord>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<RunRecord>(line, ReportJson.Options) is { Gates: not null, Profile: not null } record)
                {
                    records.Add(record);
                    continue;
                }
            }
            catch (JsonException)
            {
            }

            problems.Add($"line {number} is not a run record; skipped");
        }

        return records;
    }

    /// <summary>Adds <paramref name="record"/>, keeps the newest <see cref="Capacity"/>, replaces the file atomically.</summary>
    public static void Append(string path, RunRecord record)
    {
        var kept = Read(path, new List<string>()).Append(record).TakeLast(Capacity);
        var text = new StringBuilder();
        var compact = new JsonSerializerOptions(ReportJson.Options) { WriteIndented = false };
        foreach (var run in kept)
        {
            text.Append(JsonSerializer.Serialize(run, compact)).Append('\n');
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The record of <paramref name="report"/>.</summary>
    public static RunRecord RecordOf(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new RunRecord(report.Commit, report.GeneratedAt, report.Profile, report.Verdict,
            [.. report.Gates.Where(g => g.Status != Evaluation.GateStatus.Skipped).Select(g => new GatePoint(g.Id, g.Value, ReportWords.Of(g.Status)))]);
    }
}
