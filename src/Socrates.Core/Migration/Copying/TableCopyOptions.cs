using Socrates.Core.Migration.Progress;

namespace Socrates.Core.Migration.Copying;

/// <summary>Options of <see cref="BatchedTableCopier"/>.</summary>
public sealed class TableCopyOptions
{
    /// <summary>Source rows per batch (one transaction on the target each). Bounds memory.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Run <c>PRAGMA integrity_check</c> on the source before writing anything (once per copier).</summary>
    public bool VerifySourceIntegrity { get; init; } = true;

    /// <summary>
    /// Turn a constraint violation of one row's inserts (UNIQUE, CHECK, NOT NULL, foreign key) into a
    /// reject of that row (its inserts undone by a savepoint) instead of failing the batch.
    /// </summary>
    public bool RejectConstraintViolations { get; init; } = true;

    /// <summary>With <see cref="MigrationFailpoints.CrashAfterBatch"/> on: the batch after whose commit the copier throws.</summary>
    public int CrashAfterBatches { get; init; } = 2;

    /// <summary>Told after every committed batch (synchronously, on the copying thread).</summary>
    public IProgress<CopyBatchCommitted>? BatchCommitted { get; init; }

    /// <summary>Told rows done / total, rate and ETA after every batch.</summary>
    public IProgress<MigrationProgressSnapshot>? Progress { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(CrashAfterBatches, 1, nameof(CrashAfterBatches));
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
