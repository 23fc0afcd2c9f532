namespace Socrates.Core.V1;

/// <summary>
/// One row of a V1 table as stored: its primary key, its pickled <c>data</c> blob (null for
/// api_keys, or when the column is NULL) and every other column by name (TEXT → string,
/// REAL → double, INTEGER → long, NULL → null).
/// </summary>
public sealed record V1RawRow(string Table, string Id, byte[]? Blob, IReadOnlyDictionary<string, object?> Columns);
