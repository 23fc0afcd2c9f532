namespace Socrates.Core.Migration.Copying;

/// <summary>Reported after each committed batch: the job, the batch number in this run, the new high-water mark and totals.</summary>
public sealed record CopyBatchCommitted(string Job, int Batch, object LastKey, long RowsRead, long RowsMigrated, long RowsRejected);
