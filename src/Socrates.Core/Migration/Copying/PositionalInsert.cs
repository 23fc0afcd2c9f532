using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Socrates.Core.Migration.Copying;

/// <summary>
/// One prepared multi-row INSERT whose values are bound by position through SQLitePCLRaw, the
/// copy's fast path. <see cref="SqliteCommand"/> binds every parameter by name on every execution
/// (<c>sqlite3_bind_parameter_index</c>, a linear search of the statement's names), so a 32-row
/// statement of 8 columns paid about 33 000 name comparisons per execution: measured on the full
/// profile's migration, binding was as costly as SQLite's own work and the copy of 10 000 projects
/// took 24 s with 32 rows per statement against 20 s with 4. Positional binding costs the same per
/// value whatever the statement's width.
/// </summary>
/// <remarks>
/// Only values whose binding is unambiguous go this way, bound with the same SQLitePCLRaw calls
/// <see cref="SqliteParameter"/> uses for them (null, text, blob, 64-bit integer, double other than
/// NaN, which it refuses, and the integers and flags it widens to 64 bits). <see cref="TryExecute"/>
/// returns false, with nothing inserted, for a run holding any other value and for a busy or locked
/// database: the caller runs the same rows through the <see cref="SqliteCommand"/>, which converts
/// them and waits for the lock as before. Any other failed step throws the
/// <see cref="SqliteException"/> <see cref="SqliteCommand"/> would throw (the same
/// <c>SqliteException.ThrowExceptionForRC</c>, so a constraint still reads as SQLITE_CONSTRAINT with
/// SQLite's message); it is not replayed, because SQLite may have rolled the whole transaction back
/// (a full disk). The statement runs in whatever transaction the connection has open.
/// </remarks>
internal sealed class PositionalInsert : IDisposable
{
    private readonly sqlite3_stmt _statement;
    private readonly int _values;

    private PositionalInsert(sqlite3_stmt statement, int values)
    {
        _statement = statement;
        _values = values;
    }

    /// <summary>Prepares <paramref name="sql"/> (with <paramref name="values"/> positional parameters) on <paramref name="connection"/>.</summary>
    public static PositionalInsert Prepare(SqliteConnection connection, string sql, int values)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        var count = raw.sqlite3_bind_parameter_count(statement);
        if (count != values)
        {
            statement.Dispose();
            throw new InvalidOperationException($"The prepared statement takes {count} parameters, not the {values} its rows carry.");
        }

        return new PositionalInsert(statement, values);
    }

    /// <summary>
    /// Inserts <paramref name="count"/> rows from <paramref name="start"/> of <paramref name="connection"/>'s
    /// statement (their values in order fill its parameters); false, with nothing inserted, when a
    /// value cannot be bound here or the database is busy.
    /// </summary>
    /// <exception cref="SqliteException">The insert failed (a constraint, a full disk, ...).</exception>
    public bool TryExecute(SqliteConnection connection, IReadOnlyList<TargetRow> rows, int start, int count)
    {
        try
        {
            var index = 1;
            for (var r = start; r < start + count; r++)
            {
                foreach (var column in rows[r].Columns)
                {
                    if (index > _values || Bind(index++, column.Value) != raw.SQLITE_OK)
                    {
                        return false;
                    }
                }
            }

            if (index != _values + 1)
            {
                return false;
            }

            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_DONE)
            {
                return true;
            }

            if ((rc & 0xFF) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
            {
                return false;
            }

            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
            return false;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private int Bind(int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        byte[] blob => raw.sqlite3_bind_blob(_statement, index, blob),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        short number => raw.sqlite3_bind_int64(_statement, index, number),
        byte number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double real when !double.IsNaN(real) => raw.sqlite3_bind_double(_statement, index, real),
        _ => raw.SQLITE_MISUSE,
    };
}
