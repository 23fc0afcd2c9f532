using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Socrates.Core.Pickle;
using Socrates.Core.Sql;

namespace Socrates.Core.V1;

/// <summary>
/// The "before" system: V1's data access as the Python app did it, at the dict level. Every row
/// holds <c>pickle.dumps(asdict(obj))</c>; saves are <c>INSERT OR REPLACE</c> (a save replaces
/// the whole row, and a UNIQUE clash replaces the other row), loads unpickle the blob, and
/// <see cref="GetUserProjectsAsync"/> reads and unpickles every project to filter in memory.
/// Not artificially slow: pooled connections, prepared parameterized statements, one round trip
/// per call. "Not found" is null; a blob that does not unpickle is a
/// <see cref="LegacyStoreException"/> naming table and row; SQLite errors are wrapped the same way.
/// </summary>
public sealed partial class LegacyStore
{
    private readonly LegacyStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly string _connectionString;

    /// <remarks>
    /// Foreign keys are off unless the connection string says otherwise: Python's sqlite3 never
    /// turned them on, so V1 held notes and documents of deleted projects (Microsoft.Data.Sqlite's
    /// bundled SQLite would enforce them by default).
    /// </remarks>
    public LegacyStore(LegacyStoreOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        var builder = new SqliteConnectionStringBuilder(_options.ConnectionString);
        builder.ForeignKeys ??= false;
        _connectionString = builder.ToString();
    }

    /// <summary>Creates the nine V1 tables if they do not exist (the app's startup).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in V1Schema.CreateStatements)
        {
            await ExecuteAsync("schema", null, statement, _ => { }, cancellationToken);
        }
    }

    /// <summary>Rows in <paramref name="table"/> (one of <see cref="V1Schema.TableNames"/>).</summary>
    public async Task<long> CountRowsAsync(string table, CancellationToken cancellationToken)
    {
        V1Schema.KeyColumnOf(table);
        return await WithCommandAsync(table, null, $"SELECT COUNT(*) FROM {SqlIdentifier.Quote(table)}", _ => { }, async command =>
            (long)(await command.ExecuteScalarAsync(cancellationToken))!, cancellationToken);
    }

    /// <summary>
    /// Streams every row of <paramref name="table"/> in rowid order, raw (blob not unpickled), one
    /// row in memory at a time: what the migrator reads. The connection stays open until the
    /// enumeration ends or is cancelled.
    /// </summary>
    public async IAsyncEnumerable<V1RawRow> ReadAllRowsAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var keyColumn = V1Schema.KeyColumnOf(table);
        await using var connection = await OpenAsync(table, cancellationToken);
        await using var command = CreateCommand(connection, $"SELECT * FROM {SqlIdentifier.Quote(table)} ORDER BY rowid");
        SqliteDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (SqliteException error)
        {
            throw DatabaseError(table, null, error);
        }

        await using (reader)
        {
            while (await ReadAsync(reader, table, cancellationToken))
            {
                string? id = null;
                byte[]? blob = null;
                var columns = new Dictionary<string, object?>(reader.FieldCount - 1, StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    var isNull = await reader.IsDBNullAsync(i, cancellationToken);
                    if (name == keyColumn)
                    {
                        id = isNull ? null : reader.GetString(i);
                    }
                    else if (name == "data")
                    {
                        blob = isNull ? null : await reader.GetFieldValueAsync<byte[]>(i, cancellationToken);
                    }
                    else
                    {
                        columns[name] = isNull ? null : reader.GetValue(i);
                    }
                }

                yield return new V1RawRow(table, id ?? throw new LegacyStoreException(
                    LegacyStoreErrorCode.Database, table, null, $"a row has a NULL {keyColumn}"), blob, columns);
            }
        }
    }

    /// <summary>Unpickles a raw row's blob to its dict, as the load methods do.</summary>
    public static Dictionary<string, object?> UnpickleRow(V1RawRow row, PickleDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Unpickle(row.Table, row.Id, row.Blob, options ?? PickleDecoderOptions.Default);
    }

    private static Dictionary<string, object?> Unpickle(string table, string id, byte[]? blob, PickleDecoderOptions options)
    {
        if (blob is null)
        {
            throw new LegacyStoreException(LegacyStoreErrorCode.CorruptBlob, table, id, "the data blob is NULL");
        }

        object? value;
        try
        {
            value = PickleDecoder.Decode(blob, options);
        }
        catch (PickleFormatException error)
        {
            throw new LegacyStoreException(LegacyStoreErrorCode.CorruptBlob, table, id, error.Message, error);
        }

        return value as Dictionary<string, object?>
            ?? throw new LegacyStoreException(
                LegacyStoreErrorCode.CorruptBlob, table, id, $"the blob holds {PyValueComparer.Describe(value)}, not a dict with str keys");
    }

    private byte[] Pickle(string table, string id, IReadOnlyDictionary<string, object?> data)
    {
        try
        {
            return PickleEncoder.Encode(data, _options.PickleProtocol);
        }
        catch (PickleEncodingException error)
        {
            throw new LegacyStoreException(LegacyStoreErrorCode.UnpicklableData, table, id, error.Message, error);
        }
    }

    private string Now() => PyIsoFormat.Format(_time.GetLocalNow().DateTime);

    private static string Required(string table, IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value) && value is string text
            ? text
            : throw new ArgumentException($"V1 {table} needs a str '{key}' in the data (its column is NOT NULL).", nameof(data));

    /// <summary>INSERT OR REPLACE of <paramref name="columns"/> (key first, then data, then the rest).</summary>
    private Task<int> SaveAsync(string table, string id, IReadOnlyList<(string Column, object? Value)> columns, CancellationToken cancellationToken)
    {
        return ExecuteAsync(table, id,
            $"INSERT OR REPLACE INTO {SqlIdentifier.Quote(table)} ({SqlIdentifier.QuoteList(columns.Select(c => c.Column))}) VALUES ({SqlIdentifier.Placeholders(columns.Count)})", p =>
        {
            for (var i = 0; i < columns.Count; i++)
            {
                p.AddWithValue("$p" + i, columns[i].Value ?? DBNull.Value);
            }
        }, cancellationToken);
    }

    private async Task<Dictionary<string, object?>?> LoadAsync(string table, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var blob = await WithCommandAsync(table, id, $"SELECT data FROM {SqlIdentifier.Quote(table)} WHERE {SqlIdentifier.Quote(V1Schema.KeyColumnOf(table))} = $id",
            p => p.AddWithValue("$id", id),
            async command =>
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? (Found: true, Blob: await BlobAsync(reader, 0, cancellationToken))
                    : (Found: false, Blob: null);
            }, cancellationToken);
        return blob.Found ? Unpickle(table, id, blob.Blob, _options.DecoderOptions) : null;
    }

    /// <summary>Every row (optionally where <paramref name="column"/> = <paramref name="value"/>), unpickled, in rowid order.</summary>
    private async Task<List<Dictionary<string, object?>>> LoadManyAsync(
        string table, string? column, string? value, CancellationToken cancellationToken)
    {
        var keyColumn = V1Schema.KeyColumnOf(table);
        var sql = column is null
            ? $"SELECT {SqlIdentifier.Quote(keyColumn)}, data FROM {SqlIdentifier.Quote(table)} ORDER BY rowid"
            : $"SELECT {SqlIdentifier.Quote(keyColumn)}, data FROM {SqlIdentifier.Quote(table)} WHERE {SqlIdentifier.Quote(column)} = $value ORDER BY rowid";
        var rows = await WithCommandAsync(table, null, sql,
            p =>
            {
                if (column is not null)
                {
                    p.AddWithValue("$value", value ?? throw new ArgumentNullException(nameof(value)));
                }
            },
            async command =>
            {
                var found = new List<(string Id, byte[]? Blob)>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add((reader.GetString(0), await BlobAsync(reader, 1, cancellationToken)));
                }

                return found;
            }, cancellationToken);
        return rows.Select(r => Unpickle(table, r.Id, r.Blob, _options.DecoderOptions)).ToList();
    }

    private async Task<bool> DeleteAsync(string table, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var deleted = await WithCommandAsync(table, id, $"DELETE FROM {SqlIdentifier.Quote(table)} WHERE {SqlIdentifier.Quote(V1Schema.KeyColumnOf(table))} = $id",
            p => p.AddWithValue("$id", id), command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
        return deleted > 0;
    }

    private Task<int> ExecuteAsync(
        string table, string? id, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        WithCommandAsync(table, id, sql, bind, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    private async Task<T> WithCommandAsync<T>(
        string table, string? id, string sql, Action<SqliteParameterCollection> bind, Func<SqliteCommand, Task<T>> run,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(table, cancellationToken);
        await using var command = CreateCommand(connection, sql);
        bind(command.Parameters);
        try
        {
            return await run(command);
        }
        catch (SqliteException error)
        {
            throw DatabaseError(table, id, error);
        }
    }

    private async Task<SqliteConnection> OpenAsync(string table, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = (int)_options.CommandTimeout.TotalSeconds };
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException error)
        {
            await connection.DisposeAsync();
            throw DatabaseError(table, null, error);
        }
    }

    private SqliteCommand CreateCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = (int)_options.CommandTimeout.TotalSeconds;
        return command;
    }

    private static async Task<byte[]?> BlobAsync(SqliteDataReader reader, int ordinal, CancellationToken cancellationToken) =>
        await reader.IsDBNullAsync(ordinal, cancellationToken) ? null : await reader.GetFieldValueAsync<byte[]>(ordinal, cancellationToken);

    private static async Task<bool> ReadAsync(SqliteDataReader reader, string table, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (SqliteException error)
        {
            throw DatabaseError(table, null, error);
        }
    }

    private static LegacyStoreException DatabaseError(string table, string? id, SqliteException error) =>
        new(LegacyStoreErrorCode.Database, table, id, $"SQLite error {error.SqliteErrorCode} ({error.SqliteExtendedErrorCode}): {error.Message}", error);
}
