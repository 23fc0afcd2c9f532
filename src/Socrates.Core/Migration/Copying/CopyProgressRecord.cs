namespace Socrates.Core.Migration.Copying;

/// <summary>A row of <c>migration_progress</c>: a job's high-water mark and its running totals.</summary>
public sealed record CopyProgressRecord(string Job, string SourceTable, object? LastKey, long RowsRead, long RowsMigrated, long RowsRejected, long Batches, bool Completed, string? RunId);
