namespace Socrates.Core.V1;

/// <summary>A typed V1 store failure naming the table and row it happened on.</summary>
public sealed class LegacyStoreException(LegacyStoreErrorCode code, string table, string? rowId, string detail, Exception? inner = null)
    : Exception($"V1 {table}{(rowId is null ? "" : $" row '{rowId}'")}: {code}: {detail}", inner)
{
    public LegacyStoreErrorCode Code { get; } = code;

    public string Table { get; } = table;

    /// <summary>The primary key of the row, when the failure concerns one row.</summary>
    public string? RowId { get; } = rowId;
}
