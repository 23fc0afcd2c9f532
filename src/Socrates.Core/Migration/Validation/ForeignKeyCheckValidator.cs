using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Validation;

/// <summary><c>PRAGMA foreign_key_check</c> must return nothing: every child row has its parent.</summary>
public static class ForeignKeyCheckValidator
{
    public const string Name = "foreign-key-check";

    public static async Task<ValidationResult> ValidateAsync(SqliteConnection connection, CancellationToken cancellationToken, int maxOffenders = ValidationResult.DefaultMaxOffenders)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check";
        long failures = 0;
        var offenders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            failures++;
            if (offenders.Count < maxOffenders)
            {
                var rowid = await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false) ? "(no rowid)" : reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                offenders.Add($"{reader.GetString(0)} rowid {rowid} -> {reader.GetString(2)}");
            }
        }

        return new ValidationResult(Name, connection.DataSource, failures == 0, failures, failures, offenders,
            failures == 0 ? "no orphan rows" : $"{failures} row(s) reference a missing parent");
    }
}
