using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Pickle;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>Options of <see cref="V1ToV2Migrator"/>.</summary>
public sealed class V1ToV2Options
{
    /// <summary>Source rows per target transaction (bounds memory; a crash loses at most one batch of work).</summary>
    public int BatchSize { get; init; } = 50;

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
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPickleBytes, 1, nameof(MaxPickleBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(BusyTimeout));
        ArgumentNullException.ThrowIfNull(TimeProvider);
        return this;
    }
}
