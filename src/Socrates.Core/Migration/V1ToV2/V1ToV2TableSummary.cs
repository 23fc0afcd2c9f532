namespace Socrates.Core.Migration.V1ToV2;

/// <summary>One V1 table after the run: rows in the source, migrated, rejected (over every run), and this run's rows.</summary>
public sealed record V1ToV2TableSummary(string Table, long Source, long Migrated, long Rejected, long RowsThisRun, bool Resumed)
{
    public bool Holds => Source == Migrated + Rejected;
}
