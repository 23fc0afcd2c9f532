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
    public bool Verified => IntegrityCheckRan && IntegrityProblems.Count == 0 && CountsCompared && Tables.All(t => t.Matches);

    /// <summary>Tables whose count or checksum differ between source and backup.</summary>
    public IReadOnlyList<BackupTable> Mismatches => [.. Tables.Where(t => !t.Matches)];
}
