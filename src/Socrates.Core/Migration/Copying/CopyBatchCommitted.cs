namespace Socrates.Core.Migration.Copying;

/// <summary>Reported after each committed batch: the job, the batch number in this run, the new high-water mark and totals.</summary>
public sealed record CopyBatchCommitted(string Job, int Batch, object LastKey, long RowsRead, long RowsMigrated, long RowsRejected)
{
    /// <summary>Source rows this batch was allowed to read; more than <see cref="BatchRows"/> when the byte budget (or the table's end) stopped it.</summary>
    public int RowsAsked { get; init; }

    /// <summary>Source rows in this batch.</summary>
    public int BatchRows { get; init; }

    /// <summary>Estimated bytes this batch held (see <see cref="TableCopyOptions.MaxBatchBytes"/>).</summary>
    public long BatchBytes { get; init; }
}
