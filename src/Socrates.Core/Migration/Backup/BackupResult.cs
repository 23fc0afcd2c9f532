using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Migration.Backup;

/// <summary>
/// A backup and what was proven about it. <see cref="Verified"/> is true only when the backup was
/// opened read-only, answered integrity_check "ok", and every table's count and content checksum
/// equal the source's (taken in the same read transaction as the backup).
/// </summary>
public sealed record BackupResult(
    string SourcePath,
    string BackupPath,
    IReadOnlyList<BackupTable> Tables,
    bool IntegrityCheckRan,
    IReadOnlyList<string> IntegrityProblems,
    bool CountsCompared,
    TimeSpan Duration)
{
    /// <summary>True when this is an earlier verified backup of the same source bytes, found by its manifest, not a new copy.</summary>
    public bool Reused { get; init; }

    public bool Verified => IntegrityCheckRan && IntegrityProblems.Count == 0 && CountsCompared && Tables.All(t => t.Matches);

    /// <summary>Tables whose count or checksum differ between source and backup.</summary>
    public IReadOnlyList<BackupTable> Mismatches => [.. Tables.Where(t => !t.Matches)];

    /// <summary>Returns this result if verified; otherwise throws, saying what was not proven.</summary>
    /// <exception cref="BackupVerificationException">The backup is not verified.</exception>
    public BackupResult EnsureVerified()
    {
        if (Verified)
        {
            return this;
        }

        var problems = new List<string>();
        if (!IntegrityCheckRan)
        {
            problems.Add("integrity_check did not run on the backup");
        }

        problems.AddRange(IntegrityProblems.Select(p => "integrity_check: " + p));
        if (!CountsCompared)
        {
            problems.Add("row counts and checksums were not compared");
        }

        problems.AddRange(Mismatches.Select(m => $"table {m.Name}: source {m.SourceRows} rows, backup {m.BackupRows?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}"));
        throw new BackupVerificationException(BackupPath, problems);
    }
}
