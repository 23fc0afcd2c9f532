namespace Socrates.Core.Migration.Errors;

/// <summary>What went wrong in a migration, as a stable code a caller or a report can switch on.</summary>
public enum MigrationErrorCode
{
    /// <summary>A registered step's checksum differs from the one recorded when it was applied.</summary>
    ChecksumMismatch,

    /// <summary>A version recorded as applied is not among the registered steps.</summary>
    AppliedStepMissing,

    /// <summary>A step is registered below the highest applied version but was never applied.</summary>
    OutOfOrder,

    /// <summary>Two registered steps share a version.</summary>
    DuplicateVersion,

    /// <summary>A SQL step's declared footprint disagrees with what its DDL does.</summary>
    FootprintMismatch,

    /// <summary>A step failed while being applied; its transaction was rolled back.</summary>
    StepFailed,

    /// <summary>A source database failed <c>PRAGMA integrity_check</c>.</summary>
    SourceCorrupt,

    /// <summary>A backup was taken but could not be verified against its source.</summary>
    BackupVerificationFailed,

    /// <summary>The target database is read-only.</summary>
    TargetReadOnly,

    /// <summary>The target database ran out of space (disk full or page limit).</summary>
    StorageFull,

    /// <summary>Another connection held a lock longer than the allowed wait.</summary>
    DatabaseBusy,

    /// <summary>A table or column name is not a plain SQL identifier.</summary>
    InvalidIdentifier,

    /// <summary>A known-bad or registered step file could not be read.</summary>
    InvalidStepDefinition,

    /// <summary>A copy could not continue for a reason not listed above.</summary>
    CopyFailed,

    /// <summary>The source is not a V1 database (not SQLite, a V2 database, or none of the V1 tables).</summary>
    SourceNotV1,

    /// <summary>The target exists but is not a V2 target of this migration (another database, a directory, a text file).</summary>
    TargetNotMigrationTarget,

    /// <summary>The target and the source are the same file.</summary>
    TargetIsSource,

    /// <summary>The backup folder cannot take the backup (read-only, or a file stands in its path).</summary>
    BackupFolderUnusable,

    /// <summary>The source changed while it was being migrated.</summary>
    SourceChanged,

    /// <summary>The run was stopped (Ctrl-C, SIGTERM) at a batch boundary; a new run resumes.</summary>
    Cancelled,
}
