namespace Socrates.Core.Migration.Copying;

/// <summary>A row to insert into a target table: column names (plain identifiers) and values, in order.</summary>
public sealed record TargetRow(string Table, IReadOnlyList<KeyValuePair<string, object?>> Columns)
{
    public static TargetRow Of(string table, params (string Column, object? Value)[] columns) =>
        new(table, [.. columns.Select(c => KeyValuePair.Create(c.Column, c.Value))]);
}
