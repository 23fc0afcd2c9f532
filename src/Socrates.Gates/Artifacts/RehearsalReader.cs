using Socrates.Evidence;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Artifacts;

/// <summary>
/// Reads the rehearsal records under an artifacts root (<c>rehearsal/*.json</c>, one per test that
/// worked on a copy of the user's own V1 database; see <see cref="RehearsalRecord"/>). Each file
/// read is added to <c>files</c> (so its checksum is recorded); an unreadable one is a problem.
/// </summary>
internal static class RehearsalReader
{
    public static IReadOnlyList<RehearsalRecord> Read(string artifactsRoot, ICollection<InputProblem> problems, ICollection<string> files)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(files);
        var folder = Path.Combine(artifactsRoot, RehearsalRecord.Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var records = new List<RehearsalRecord>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var record = RehearsalRecord.TryRead(file, out var error);
            if (record is null)
            {
                problems.Add(new InputProblem(ArtifactPath.Relative(artifactsRoot, file), error ?? "unreadable rehearsal record"));
                continue;
            }

            files.Add(file);
            records.Add(record);
        }

        return records;
    }
}
