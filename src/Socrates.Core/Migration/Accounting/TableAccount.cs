namespace Socrates.Core.Migration.Accounting;

/// <summary>One source table's books: every source row must be migrated or rejected, exactly once.</summary>
public sealed record TableAccount(string SourceTable, long SourceRows, long Migrated, long Rejected)
{
    /// <summary>Source rows neither migrated nor rejected (negative: counted twice).</summary>
    public long Unaccounted => SourceRows - Migrated - Rejected;

    public bool Holds => Unaccounted == 0;
}
