using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Pickle;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>Options of <see cref="V1ToV2Migrator"/>.</summary>
public sealed class V1ToV2Options
{
    /// <summary>
    /// Source rows per target transaction, fixed (a crash loses at most one batch of work); null:
    /// auto-tuned per table, from 16 rows up to <see cref="AutoBatchCeiling"/>, within
    /// <see cref="MemoryBudgetBytes"/>. Either way no batch passes the memory budget.
    /// </summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// The most rows an auto-tuned batch grows to: past it a commit costs too little to matter, and a
    /// table reaches it within its first 48 rows, so what the copy retains does not grow with the source.
    /// </summary>
    public const int AutoBatchCeiling = 64;

    /// <summary>Default of <see cref="MemoryBudgetBytes"/>: 256 MiB, twice the default pickle limit.</summary>
    public const long DefaultMemoryBudgetBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Source bytes the copy may hold at once (sum of the values' lengths, blobs exactly): two
    /// batches are in flight (one written, one read ahead), so each batch gets half. It must be at
    /// least twice <see cref="MaxPickleBytes"/>, so the largest pickle allowed fits a batch alone.
    /// Decoded objects take a multiple of these bytes; the budget bounds what they are made from.
    /// </summary>
    public long MemoryBudgetBytes { get; init; } = DefaultMemoryBudgetBytes;

    /// <summary>Most bytes one batch may hold: half the budget.</summary>
    internal long MaxBatchBytes => MemoryBudgetBytes / 2;

    /// <summary>Where the verified backup of the V1 file goes (default: next to it).</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>Default of <see cref="MaxPickleBytes"/>: 64 MiB, far above a normal project, low enough to refuse a decompression bomb.</summary>
    public const long DefaultMaxPickleBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Largest pickle blob decoded; a larger one is rejected naming this limit. Raise it for a
    /// legitimate giant (a project with hundreds of thousands of messages); memory grows with it.
    /// </summary>
    public long MaxPickleBytes { get; init; } = DefaultMaxPickleBytes;

    /// <summary>How long a write waits for a lock on the target.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the V1-vs-V2 validators after copying (the run is only marked complete when they are clean).</summary>
    public bool Validate { get; init; } = true;

    /// <summary>
    /// Fault-injection hook: PRAGMA assignments run on the target connection right after it opens,
    /// as (name, integer value), e.g. <c>("max_page_count", 80)</c> for a full disk or
    /// <c>("query_only", 1)</c> for a target that refuses writes. Names must be plain identifiers.
    /// </summary>
    public IReadOnlyList<(string Name, long Value)> TargetPragmas { get; init; } = [];

    /// <summary>Told after each committed batch of each table.</summary>
    public IProgress<CopyBatchCommitted>? BatchCommitted { get; init; }

    /// <summary>Told the backup's temporary path once its pages are copied, before it is verified (<see cref="BackupOptions.PagesCopied"/>).</summary>
    public Action<string>? BackupPagesCopied { get; init; }

    /// <summary>With the crash failpoint: the batch after whose commit the copier throws.</summary>
    public int CrashAfterBatches { get; init; } = 2;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal PickleDecoderOptions PickleOptions => PickleDecoderOptions.Default with { MaxInputBytes = MaxPickleBytes };

    internal BackupOptions BackupOptions => new() { Directory = BackupDirectory, TimeProvider = TimeProvider, PagesCopied = BackupPagesCopied };

    internal V1ToV2Options Validated()
    {
        if (BatchSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(BatchSize));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPickleBytes, 1, nameof(MaxPickleBytes));
        if (MemoryBudgetBytes / 2 < MaxPickleBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryBudgetBytes), MemoryBudgetBytes,
                $"The memory budget ({MemoryBudgetBytes} bytes) must be at least twice the largest pickle allowed ({MaxPickleBytes} bytes): two batches are in flight and each must fit that pickle alone.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(BusyTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider);
        return this;
    }
}
