namespace Socrates.Core.Migration.Restore;

/// <summary>Why a restore was refused, as a stable code a caller (and the CLI's exit code) can switch on.</summary>
public enum RestoreErrorCode
{
    /// <summary>The backup file does not exist (or is a directory).</summary>
    BackupMissing,

    /// <summary>No readable manifest beside the backup: it was not made and verified by a migration.</summary>
    ManifestMissing,

    /// <summary>The backup's SHA-256 differs from the one recorded when it was verified: it changed since.</summary>
    BackupChecksumMismatch,

    /// <summary>The restored copy failed integrity_check, or a table's rows or checksum differ from the manifest.</summary>
    BackupCorrupt,

    /// <summary>The destination exists and differs from the source that was backed up; replacing it needs <c>Force</c>.</summary>
    DestinationDiffers,

    /// <summary>The destination's folder cannot take the restored file (read-only, missing, a file in its path, full).</summary>
    DestinationUnwritable,
}
