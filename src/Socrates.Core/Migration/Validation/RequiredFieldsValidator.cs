using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Validation;

/// <summary>Finds rows whose required columns are NULL or empty (blank text, zero-length blob).</summary>
public static class RequiredFieldsValidator
{
    public const string Name = "required-fields";

    public static async Task<ValidationResult> ValidateAsync(
        SqliteConnection connection,
        string table,
        string keyColumn,
        IReadOnlyList<string> requiredColumns,
        CancellationToken cancellationToken,
        int maxOffenders = ValidationResult.DefaultMaxOffenders)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(requiredColumns);
        _ = SqliteMigrationExtensions.QuoteIdentifier(keyColumn); // names are checked up front, even with no required columns
        _ = SqliteMigrationExtensions.QuoteIdentifier(table);
        long failures = 0;
        var offenders = new List<string>();
        foreach (var column in requiredColumns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT CAST({SqliteMigrationExtensions.QuoteIdentifier(keyColumn)} AS TEXT) FROM {SqliteMigrationExtensions.QuoteIdentifier(table)} WHERE {SqliteMigrationExtensions.QuoteIdentifier(column)} IS NULL OR (typeof({SqliteMigrationExtensions.QuoteIdentifier(column)}) = 'text' AND trim({SqliteMigrationExtensions.QuoteIdentifier(column)}) = '') OR (typeof({SqliteMigrationExtensions.QuoteIdentifier(column)}) = 'blob' AND length({SqliteMigrationExtensions.QuoteIdentifier(column)}) = 0) ORDER BY {SqliteMigrationExtensions.QuoteIdentifier(keyColumn)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                failures++;
                if (offenders.Count < maxOffenders)
                {
                    offenders.Add($"{(await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? "(null)" : reader.GetString(0))}.{column}");
                }
            }
        }

        var rows = await connection.CountRowsAsync(table, cancellationToken).ConfigureAwait(false);
        return new ValidationResult(Name, table, failures == 0, rows, failures, offenders,
            $"{rows} rows x {requiredColumns.Count} required column(s): {failures} NULL or empty");
    }
}
