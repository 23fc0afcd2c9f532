using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Socrates.Core.Sql;

namespace Socrates.Core.Migration.Backup;

/// <summary>
/// A table's row count and a SHA-256 over every value of every row, rows ordered by all columns
/// (a total order independent of physical layout), each value tagged with its storage class.
/// </summary>
public static class TableChecksum
{
    public static async Task<(long Rows, string Checksum)> ComputeAsync(SqliteConnection connection, string table, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _ = SqliteMigrationExtensions.QuoteIdentifier(table); // the name is checked before any SQL runs
        await using var columnsCommand = connection.CreateCommand();
        columnsCommand.Transaction = transaction;
        columnsCommand.CommandText = "SELECT count(*) FROM pragma_table_info($table)";
        columnsCommand.Parameters.AddWithValue("$table", table);
        var columnCount = (long)(await columnsCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = columnCount > 0
            ? $"SELECT * FROM {SqliteMigrationExtensions.QuoteIdentifier(table)} ORDER BY {SqlIdentifier.Ordinals((int)columnCount)}"
            : $"SELECT * FROM {SqliteMigrationExtensions.QuoteIdentifier(table)}";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                var text = value switch
                {
                    DBNull => "N",
                    long l => "I" + l.ToString(CultureInfo.InvariantCulture),
                    double d => "R" + d.ToString("R", CultureInfo.InvariantCulture),
                    string s => "T" + s.Length.ToString(CultureInfo.InvariantCulture) + ":" + s,
                    byte[] b => "B" + Convert.ToHexStringLower(b),
                    _ => "?" + Convert.ToString(value, CultureInfo.InvariantCulture),
                };
                hash.AppendData(Encoding.UTF8.GetBytes(text));
                hash.AppendData("\u001f"u8);
            }

            hash.AppendData("\u001e"u8);
        }

        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
