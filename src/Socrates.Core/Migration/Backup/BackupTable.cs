namespace Socrates.Core.Migration.Backup;

/// <summary>A table's row count and content checksum in the source and (when verified) in the backup.</summary>
public sealed record BackupTable(string Name, long SourceRows, long? BackupRows, string SourceChecksum, string? BackupChecksum)
{
    public bool Matches => BackupRows == SourceRows && string.Equals(SourceChecksum, BackupChecksum, StringComparison.Ordinal);
}
