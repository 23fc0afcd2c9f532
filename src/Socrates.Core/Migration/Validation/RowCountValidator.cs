using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Validation;

/// <summary>Compares expected and actual row counts, pair by pair (source table against target table).</summary>
public static class RowCountValidator
{
    public const string Name = "row-count";

    public static ValidationResult Validate(string subject, long expected, long actual) =>
        new(Name, subject, expected == actual, expected, Math.Abs(expected - actual), [],
            expected == actual ? $"{actual} rows" : $"expected {expected} rows, found {actual} ({actual - expected:+#;-#;0})");

    /// <summary>Counts <paramref name="sourceTable"/> on the source and <paramref name="targetTable"/> on the target.</summary>
    /// <param name="excluded">Source rows legitimately absent from the target (e.g. rejects).</param>
    public static async Task<ValidationResult> ValidateAsync(SqliteConnection source, string sourceTable, SqliteConnection target, string targetTable, long excluded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var expected = await source.CountRowsAsync(sourceTable, cancellationToken).ConfigureAwait(false) - excluded;
        var actual = await target.CountRowsAsync(targetTable, cancellationToken).ConfigureAwait(false);
        return Validate($"{sourceTable} -> {targetTable}", expected, actual);
    }
}
