namespace Socrates.Core.Migration.Steps;

/// <summary>
/// A table, a column of a table, or an index, by name. Names compare case-insensitively, as
/// SQLite compares identifiers. A table overlaps each of its columns (dropping a table drops
/// its columns; altering a table touches them).
/// </summary>
public sealed record SchemaObject
{
    private SchemaObject(SchemaObjectKind kind, string table, string? name)
    {
        Kind = kind;
        Table = table.ToLowerInvariant();
        Name = name?.ToLowerInvariant();
    }

    public SchemaObjectKind Kind { get; }

    /// <summary>The table (for an index: the table it is on, or empty when unknown).</summary>
    public string Table { get; }

    /// <summary>The column or index name; null for a table.</summary>
    public string? Name { get; }

    public static SchemaObject ForTable(string table) => new(SchemaObjectKind.Table, Check(table), null);

    public static SchemaObject ForColumn(string table, string column) => new(SchemaObjectKind.Column, Check(table), Check(column));

    public static SchemaObject ForIndex(string table, string index) => new(SchemaObjectKind.Index, table, Check(index));

    /// <summary>True when this object and <paramref name="other"/> name the same thing or one contains the other.</summary>
    public bool Overlaps(SchemaObject other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Kind == SchemaObjectKind.Index || other.Kind == SchemaObjectKind.Index)
        {
            return Kind == other.Kind && Name == other.Name;
        }

        if (Table != other.Table)
        {
            return false;
        }

        return Kind == SchemaObjectKind.Table || other.Kind == SchemaObjectKind.Table || Name == other.Name;
    }

    /// <summary>True when dropping this object removes <paramref name="other"/>.</summary>
    public bool Covers(SchemaObject other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Kind switch
        {
            SchemaObjectKind.Table => other.Table == Table,
            SchemaObjectKind.Column => other.Kind == SchemaObjectKind.Column && other.Table == Table && other.Name == Name,
            _ => other.Kind == SchemaObjectKind.Index && other.Name == Name,
        };
    }

    public override string ToString() => Kind switch
    {
        SchemaObjectKind.Table => Table,
        SchemaObjectKind.Column => $"{Table}.{Name}",
        _ => $"index {Name}" + (Table.Length > 0 ? $" on {Table}" : string.Empty),
    };

    private static string Check(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }
}
