using Socrates.Core.Failpoints;

namespace Socrates.Core.Migration;

/// <summary>Canaries of the migration: each injects the defect one migration gate exists to catch.</summary>
[FailpointCatalog]
public static class MigrationFailpoints
{
    /// <summary>
    /// The backup is taken but not verified (no integrity check, no counts): the backup result
    /// then says so, and the <c>migration.backup_verified</c> metric reads 0.
    /// </summary>
    public const string BackupSkipVerify = "migration.backup.skip-verify";

    /// <summary>
    /// Fault, not a canary: the backup copy runs out of space halfway (half the file written, then
    /// SQLITE_FULL). No file may be left that looks like a backup.
    /// </summary>
    public const string BackupNoSpace = "migration.backup.no-space";

    /// <summary>
    /// A per-row error is caught and the row skipped without a reject being recorded
    /// (<see cref="Rejects.RejectLog"/> drops it), so the migration's accounting no longer adds up.
    /// </summary>
    public const string RejectsSwallow = "migration.rejects.swallow";

    /// <summary>
    /// The batched copier throws right after the first commit of batch N
    /// (<see cref="Copying.TableCopyOptions.CrashAfterBatches"/>), as a crash would stop it.
    /// </summary>
    public const string CrashAfterBatch = "migration.crash-after-batch";

    /// <summary>
    /// The classic resumability bug: the copier commits the batch's high-water mark in its own
    /// transaction before the batch's rows, so a crash in between skips those rows on resume.
    /// The crash tests must then see lost rows (<c>migration.crash_survival_rate</c> below 1).
    /// </summary>
    public const string NonAtomicMark = "migration.copy.non-atomic-mark";

    /// <summary>
    /// Resume off by one: a resumed copy starts one row past its high-water mark, so the row after
    /// every crash point is neither migrated nor rejected. Unlike <see cref="NonAtomicMark"/>, it
    /// needs no kill inside a commit window: any crash between batches shows it (the V1 -> V2
    /// crash test kills right after a batch commits).
    /// </summary>
    public const string ResumePastMark = "migration.copy.resume-past-mark";

    /// <summary>
    /// The classic slow migrator, for the throughput gate (<c>migration.throughput_ratio</c>): the
    /// copier commits every source row in its own transaction (batches of one, each with its mark,
    /// so nothing is lost or doubled), every commit synced to disk (synchronous FULL), with no
    /// read-ahead and no multi-row INSERTs. Correct, and many times slower.
    /// </summary>
    public const string CommitPerRow = "migration.v1v2.commit-per-row";
}
