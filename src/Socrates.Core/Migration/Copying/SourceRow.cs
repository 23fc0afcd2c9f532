using System.Globalization;

namespace Socrates.Core.Migration.Copying;

/// <summary>
/// One source row as the mapper sees it: its key and its values by column (SQLite's own types:
/// long, double, string, byte[]; null for NULL).
/// </summary>
public sealed record SourceRow(object Key, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>The key as text (for rejects and ids).</summary>
    public string KeyText => Convert.ToString(Key, CultureInfo.InvariantCulture) ?? string.Empty;

    public object? this[string column] => Values.TryGetValue(column, out var value)
        ? value
        : throw new KeyNotFoundException($"Source row {KeyText} has no column '{column}'; the job reads {string.Join(", ", Values.Keys)}.");
}
