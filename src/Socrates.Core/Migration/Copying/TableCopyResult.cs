namespace Socrates.Core.Migration.Copying;

/// <summary>
/// The state of a copy job after a run. Totals cover every run of the job (a resumed job counts
/// what earlier runs committed); <see cref="RowsThisRun"/> and <see cref="BatchesThisRun"/> this run only.
/// </summary>
public sealed record TableCopyResult(
    string Job,
    string SourceTable,
    long SourceRows,
    long RowsRead,
    long RowsMigrated,
    long RowsRejected,
    long RowsThisRun,
    int BatchesThisRun,
    bool Resumed,
    bool Completed,
    object? LastKey,
    TimeSpan Duration)
{
    /// <summary>The largest estimated bytes of one batch this run (see <see cref="TableCopyOptions.MaxBatchBytes"/>).</summary>
    public long PeakBatchBytes { get; init; }

    /// <summary>The most rows in one batch this run.</summary>
    public int PeakBatchRows { get; init; }
}
