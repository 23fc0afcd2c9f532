using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Sql;

namespace Socrates.Core.Migration;

/// <summary>Small SQLite helpers shared by the migration's parts.</summary>
public static partial class SqliteMigrationExtensions
{
    /// <summary>SQLite result codes the migration turns into typed errors.</summary>
    internal const int SqliteBusy = 5;
    internal const int SqliteLocked = 6;
    internal const int SqliteReadOnly = 8;
    internal const int SqliteFull = 13;
    internal const int SqliteConstraint = 19;

    /// <summary>
    /// A table or column name, checked to be a plain identifier and double-quoted. Names cannot be
    /// SQL parameters; this is the one place a name enters SQL text, and only a plain one can.
    /// </summary>
    public static string QuoteIdentifier(string name)
    {
        if (!SqlIdentifier.IsPlain(name))
        {
            throw new MigrationException(
                MigrationErrorCode.InvalidIdentifier,
                $"'{name}' is not a plain SQL identifier (letters, digits, underscore; not starting with a digit).",
                new Dictionary<string, string> { ["identifier"] = name ?? string.Empty });
        }

        return SqlIdentifier.Quote(name);
    }

    /// <summary>The names, each checked as by <see cref="QuoteIdentifier"/>, double-quoted and joined with ", ".</summary>
    public static string QuoteIdentifierList(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.Join(", ", names.Select(QuoteIdentifier));
    }

    /// <summary>
    /// The SQL expression for the stored size of a row's columns: the sum of <c>length()</c> of each
    /// (a NULL counts 0), each name checked as by <see cref="QuoteIdentifier"/>; <c>0</c> for none.
    /// SQLite answers <c>length()</c> of a blob from the record header, without reading the value.
    /// </summary>
    public static string LengthSum(IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var terms = columns.Select(c => $"coalesce(length({QuoteIdentifier(c)}), 0)").ToList();
        return terms.Count == 0 ? "0" : string.Join(" + ", terms);
    }

    /// <summary>True when the connection's main database cannot be written.</summary>
    public static bool IsReadOnly(this SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1;
    }

    /// <summary>True when a transaction is open on the connection (SQLite is not in autocommit mode).</summary>
    public static bool InTransaction(this SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;
    }

    /// <summary>
    /// Rolls back <paramref name="transaction"/> unless SQLite already did (it may after an I/O
    /// or full-disk error), so the original error is the one that surfaces.
    /// </summary>
    public static async Task RollbackIfActiveAsync(this SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.Connection is { } connection && connection.InTransaction())
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; returns an empty list when it answers exactly "ok".</summary>
    public static async Task<IReadOnlyList<string>> IntegrityProblemsAsync(this SqliteConnection connection, int maxProblems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        // A pragma takes no parameters; the limit is an int formatted here, not text from outside.
        command.CommandText = $"PRAGMA integrity_check({SqlIdentifier.Number(Math.Max(1, maxProblems))})";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? "(null)" : reader.GetString(0));
        }

        return lines is ["ok"] ? [] : lines.Count == 0 ? ["integrity_check returned no rows"] : lines;
    }

    /// <summary>The user tables of the main database (no sqlite_ internals), by name.</summary>
    public static async Task<IReadOnlyList<string>> UserTablesAsync(this SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary><c>SELECT count(*)</c> of a table whose name is a plain identifier.</summary>
    public static async Task<long> CountRowsAsync(this SqliteConnection connection, string table, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM {QuoteIdentifier(table)}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
