using Microsoft.Data.Sqlite;

namespace Socrates.Core.V2.Pooling;

/// <summary>
/// One open SQLite connection of the pool with its prepared commands: a command is created once
/// per SQL text and reused (Microsoft.Data.Sqlite keeps its prepared statements while the text
/// is unchanged), so a hot query is parsed once per connection, not once per call.
/// </summary>
internal sealed class PooledConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public PooledConnection(SqliteConnection connection, bool holdsSlot)
    {
        Connection = connection;
        HoldsSlot = holdsSlot;
    }

    public SqliteConnection Connection { get; }

    /// <summary>True when this lease took a pool slot (false only under the unbounded failpoint).</summary>
    public bool HoldsSlot { get; set; }

    /// <summary>The cached command for <paramref name="sql"/>, parameters cleared, bound to <paramref name="transaction"/>.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Aborts the statement running on this connection (SQLite returns SQLITE_INTERRUPT).</summary>
    public void Interrupt()
    {
        var handle = Connection.Handle;
        if (handle is not null)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
