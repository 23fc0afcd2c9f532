using Socrates.Core.Migration.Progress;

namespace Socrates.Core.Migration.Copying;

/// <summary>Options of <see cref="BatchedTableCopier"/>.</summary>
public sealed class TableCopyOptions
{
    /// <summary>
    /// Source rows per batch (one transaction on the target each); with <see cref="AutoTuneBatchSize"/>
    /// the most a batch may grow to.
    /// </summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Start each table with small batches and grow them while they stay within <see cref="MaxBatchBytes"/> (see <see cref="BatchSizer"/>).</summary>
    public bool AutoTuneBatchSize { get; init; }

    /// <summary>The first batch of a table when auto-tuned: a table of giant rows never starts with hundreds of them.</summary>
    public const int AutoTuneStartRows = 16;

    /// <summary>
    /// Most bytes a batch may hold, estimated as the sum of the lengths of the values read (blobs
    /// exactly, text in characters); null: no limit. A batch stops before the row that would pass
    /// it; a row that alone passes it is copied in a batch of its own.
    /// </summary>
    public long? MaxBatchBytes { get; init; }

    /// <summary>
    /// How many rows of a batch are mapped at once (1: one after the other, on one thread). Above 1
    /// the job's mapper must be thread-safe (a pure function of the row). The rows are written in
    /// key order either way.
    /// </summary>
    public int MapConcurrency { get; init; } = 1;

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
        if (MaxBatchBytes is { } bytes)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1, nameof(MaxBatchBytes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CrashAfterBatches, 1, nameof(CrashAfterBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(MapConcurrency, 1, nameof(MapConcurrency));
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
