using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Socrates.Core.Sql;

namespace Socrates.Core.Migration.Backup;

/// <summary>
/// A table's row count and a SHA-256 over every value of every row, rows in a total order that
/// does not depend on the physical layout: the primary key columns first (so SQLite walks the key
/// index instead of sorting the whole table, blobs included), then every column as the tie-break
/// (a TEXT primary key of a rowid table may hold NULLs and repeats). Each value is hashed as its
/// storage class tag, its length and its raw bytes (no text rendering of blobs).
/// </summary>
public static class TableChecksum
{
    public static async Task<(long Rows, string Checksum)> ComputeAsync(SqliteConnection connection, string table, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _ = SqliteMigrationExtensions.QuoteIdentifier(table); // the name is checked before any SQL runs
        var (columnCount, keyColumns) = await ShapeAsync(connection, table, transaction, cancellationToken).ConfigureAwait(false);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A key column whose name is not a plain identifier cannot be named in SQL here: order by every column only.
        var keyed = keyColumns.Count > 0 && keyColumns.All(SqlIdentifier.IsPlain);
        command.CommandText = (columnCount, keyed) switch
        {
            (0, _) => $"SELECT * FROM {SqliteMigrationExtensions.QuoteIdentifier(table)}",
            (_, false) => $"SELECT * FROM {SqliteMigrationExtensions.QuoteIdentifier(table)} ORDER BY {SqlIdentifier.Ordinals(columnCount)}",
            _ => $"SELECT * FROM {SqliteMigrationExtensions.QuoteIdentifier(table)} ORDER BY {SqliteMigrationExtensions.QuoteIdentifierList(keyColumns)}, {SqlIdentifier.Ordinals(columnCount)}",
        };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[9];
        long rows = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                switch (reader.GetValue(i))
                {
                    case DBNull:
                        header[0] = (byte)'N';
                        hash.AppendData(header, 0, 1);
                        break;
                    case long l:
                        header[0] = (byte)'I';
                        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(1), l);
                        hash.AppendData(header);
                        break;
                    case double d:
                        header[0] = (byte)'R';
                        BinaryPrimitives.WriteDoubleLittleEndian(header.AsSpan(1), d);
                        hash.AppendData(header);
                        break;
                    case string s:
                        Tagged(hash, header, (byte)'T', Encoding.UTF8.GetBytes(s));
                        break;
                    case byte[] b:
                        Tagged(hash, header, (byte)'B', b);
                        break;
                    case var other:
                        Tagged(hash, header, (byte)'?', Encoding.UTF8.GetBytes(Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty));
                        break;
                }
            }

            hash.AppendData("\u001e"u8);
        }

        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static void Tagged(IncrementalHash hash, byte[] header, byte tag, byte[] bytes)
    {
        header[0] = tag;
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(1), bytes.LongLength);
        hash.AppendData(header);
        hash.AppendData(bytes);
    }

    /// <summary>The column count and the primary key columns, in key order (none when the table has no declared key).</summary>
    private static async Task<(int Columns, List<string> KeyColumns)> ShapeAsync(SqliteConnection connection, string table, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, pk FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        var columns = 0;
        var keys = new List<(long Pk, string Name)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns++;
            var pk = reader.GetInt64(1);
            if (pk > 0)
            {
                keys.Add((pk, reader.GetString(0)));
            }
        }

        return (columns, [.. keys.OrderBy(k => k.Pk).Select(k => k.Name)]);
    }
}
