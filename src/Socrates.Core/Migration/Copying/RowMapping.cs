namespace Socrates.Core.Migration.Copying;

/// <summary>What the mapper makes of a source row: rows to insert, or a reject saying why not.</summary>
public abstract record RowMapping
{
    private protected RowMapping()
    {
    }

    public static RowMapping Insert(params TargetRow[] rows) => new InsertRows(rows);

    public static RowMapping Insert(IReadOnlyList<TargetRow> rows) => new InsertRows(rows);

    public static RowMapping Reject(string? field, string reason, string? rawExcerpt = null) => new RejectRow(field, reason, rawExcerpt);
}

/// <summary>The source row becomes these target rows (inserted atomically, all or none).</summary>
public sealed record InsertRows(IReadOnlyList<TargetRow> Rows) : RowMapping;

/// <summary>The source row is refused; it is recorded in <c>migration_rejects</c>.</summary>
public sealed record RejectRow(string? Field, string Reason, string? RawExcerpt) : RowMapping;
