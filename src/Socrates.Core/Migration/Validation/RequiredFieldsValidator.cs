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
        var key = SqliteMigrationExtensions.QuoteIdentifier(keyColumn);
        var quotedTable = SqliteMigrationExtensions.QuoteIdentifier(table);
        long failures = 0;
        var offenders = new List<string>();
        foreach (var column in requiredColumns)
        {
            var c = SqliteMigrationExtensions.QuoteIdentifier(column);
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT CAST({key} AS TEXT) FROM {quotedTable} WHERE {c} IS NULL OR (typeof({c}) = 'text' AND trim({c}) = '') OR (typeof({c}) = 'blob' AND length({c}) = 0) ORDER BY {key}";
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
