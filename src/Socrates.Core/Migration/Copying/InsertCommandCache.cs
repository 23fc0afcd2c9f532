using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Sql;

namespace Socrates.Core.Migration.Copying;

/// <summary>
/// The prepared INSERT commands of one copy job, one per target table and column list, created on
/// first use and reused for every row of every batch (SQLite keeps the compiled statement; only the
/// parameter values change). The lookup compares the table and column names in place, so a row
/// costs no SQL text and no allocation. Each use binds the command to the batch's transaction.
/// </summary>
internal sealed class InsertCommandCache(SqliteConnection target) : IAsyncDisposable
{
    private readonly Dictionary<string, List<(string[] Columns, SqliteCommand Command)>> _byTable = new(StringComparer.Ordinal);

    /// <summary>The command that inserts rows shaped like <paramref name="row"/>, bound to <paramref name="transaction"/> and to <paramref name="row"/>'s values.</summary>
    public SqliteCommand Bind(SqliteTransaction transaction, TargetRow row)
    {
        if (!_byTable.TryGetValue(row.Table, out var shapes))
        {
            shapes = [];
            _byTable[row.Table] = shapes;
        }

        SqliteCommand? command = null;
        foreach (var (shape, candidate) in shapes)
        {
            if (SameColumns(shape, row.Columns))
            {
                command = candidate;
                break;
            }
        }

        if (command is null)
        {
            command = target.CreateCommand();
            command.CommandText =
                $"INSERT INTO {SqliteMigrationExtensions.QuoteIdentifier(row.Table)} ({SqliteMigrationExtensions.QuoteIdentifierList(row.Columns.Select(c => c.Key))}) VALUES ({SqlIdentifier.Placeholders(row.Columns.Count)})";
            for (var i = 0; i < row.Columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
            }

            shapes.Add(([.. row.Columns.Select(c => c.Key)], command));
        }

        command.Transaction = transaction;
        for (var i = 0; i < row.Columns.Count; i++)
        {
            command.Parameters[i].Value = row.Columns[i].Value ?? DBNull.Value;
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, command) in _byTable.Values.SelectMany(s => s))
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _byTable.Clear();
    }

    private static bool SameColumns(string[] shape, IReadOnlyList<KeyValuePair<string, object?>> columns)
    {
        if (shape.Length != columns.Count)
        {
            return false;
        }

        for (var i = 0; i < shape.Length; i++)
        {
            if (!string.Equals(shape[i], columns[i].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
