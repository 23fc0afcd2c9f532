using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Sql;

namespace Socrates.Core.Migration.Copying;

/// <summary>
/// The prepared INSERT commands of one copy job, per target table and column list, created on
/// first use and reused for every row of every batch (SQLite keeps the compiled statement; only the
/// parameter values change). Consecutive rows of one shape (a project's conversation messages) go
/// in through one multi-row INSERT of up to <see cref="MaxRowsPerStatement"/> rows, in their order,
/// so the rows and their rowids are exactly those of one INSERT per row. The lookup compares the
/// table and column names in place, so a row costs no SQL text. Each use binds the command to the
/// batch's transaction. <see cref="ExecuteAsync"/> binds by position (<see cref="PositionalInsert"/>)
/// and falls back to the command for values only it converts.
/// </summary>
internal sealed class InsertCommandCache(SqliteConnection target) : IAsyncDisposable
{
    /// <summary>Most rows one INSERT statement carries (and most parameters: 999, SQLite's oldest limit).</summary>
    public const int MaxRowsPerStatement = 32;

    private const int MaxParameters = 999;

    private readonly Dictionary<string, List<Shape>> _byTable = new(StringComparer.Ordinal);

    /// <summary>The command that inserts rows shaped like <paramref name="row"/>, bound to <paramref name="transaction"/> and to <paramref name="row"/>'s values.</summary>
    public SqliteCommand Bind(SqliteTransaction transaction, TargetRow row) => Bind(transaction, [row], 0, 1);

    /// <summary>
    /// How many of the rows from <paramref name="start"/> on (at most <paramref name="count"/>) one
    /// statement can insert: consecutive rows of the same table and columns, within the limits.
    /// </summary>
    public static int RunLength(IReadOnlyList<TargetRow> rows, int start, int count)
    {
        var first = rows[start];
        var most = Math.Min(Math.Min(count, MaxRowsPerStatement), Math.Max(1, MaxParameters / Math.Max(1, first.Columns.Count)));
        var length = 1;
        while (length < most && string.Equals(rows[start + length].Table, first.Table, StringComparison.Ordinal)
            && SameColumns(rows[start + length].Columns, first.Columns))
        {
            length++;
        }

        return length;
    }

    /// <summary>
    /// Inserts <paramref name="count"/> rows from <paramref name="start"/> (all of one table and
    /// columns, as <see cref="RunLength"/> found) in <paramref name="transaction"/>: bound by position
    /// when every value allows it, otherwise through the <see cref="SqliteCommand"/> of <see cref="Bind(SqliteTransaction, IReadOnlyList{TargetRow}, int, int)"/>.
    /// </summary>
    /// <exception cref="SqliteException">The insert failed; the rows of this statement are not inserted.</exception>
    public async Task ExecuteAsync(SqliteTransaction transaction, IReadOnlyList<TargetRow> rows, int start, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var shape = ShapeOf(rows[start]);
        var positional = shape.Positional[count - 1] ??= PositionalInsert.Prepare(target, Sql(rows[start].Table, shape.Columns, count), count * shape.Columns.Length);
        if (positional.TryExecute(target, rows, start, count))
        {
            PositionalStatements++;
            return;
        }

        await Bind(transaction, rows, start, count).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        CommandStatements++;
    }

    /// <summary>Statements <see cref="ExecuteAsync"/> ran bound by position.</summary>
    public int PositionalStatements { get; private set; }

    /// <summary>Statements <see cref="ExecuteAsync"/> handed to the <see cref="SqliteCommand"/> (values only it converts, a busy database).</summary>
    public int CommandStatements { get; private set; }

    /// <summary>
    /// The command inserting <paramref name="count"/> rows from <paramref name="start"/> (all of one
    /// table and columns, as <see cref="RunLength"/> found), bound to their values in order.
    /// </summary>
    public SqliteCommand Bind(SqliteTransaction transaction, IReadOnlyList<TargetRow> rows, int start, int count)
    {
        var first = rows[start];
        var shape = ShapeOf(first);
        var command = shape.Commands[count - 1] ??= Create(first.Table, shape.Columns, count);
        command.Transaction = transaction;
        var width = shape.Columns.Length;
        var parameters = command.Parameters;
        for (var r = 0; r < count; r++)
        {
            var columns = rows[start + r].Columns;
            for (var i = 0; i < width; i++)
            {
                parameters[(r * width) + i].Value = columns[i].Value ?? DBNull.Value;
            }
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shape in _byTable.Values.SelectMany(s => s))
        {
            foreach (var positional in shape.Positional)
            {
                positional?.Dispose();
            }

            foreach (var command in shape.Commands)
            {
                if (command is not null)
                {
                    await command.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        _byTable.Clear();
    }

    private static string Sql(string table, string[] columns, int rows) =>
        $"INSERT INTO {SqliteMigrationExtensions.QuoteIdentifier(table)} ({SqliteMigrationExtensions.QuoteIdentifierList(columns)}) VALUES {SqlIdentifier.RowPlaceholders(rows, columns.Length)}";

    private Shape ShapeOf(TargetRow first)
    {
        if (!_byTable.TryGetValue(first.Table, out var shapes))
        {
            shapes = [];
            _byTable[first.Table] = shapes;
        }

        foreach (var candidate in shapes)
        {
            if (SameColumns(candidate.Columns, first.Columns))
            {
                return candidate;
            }
        }

        var shape = new Shape([.. first.Columns.Select(c => c.Key)]);
        shapes.Add(shape);
        return shape;
    }

    private SqliteCommand Create(string table, string[] columns, int rows)
    {
        var command = target.CreateCommand();
        command.CommandText = Sql(table, columns, rows);
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter(SqlIdentifier.RowPrefix(r) + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
            }
        }

        return command;
    }

    private static bool SameColumns(IReadOnlyList<KeyValuePair<string, object?>> a, IReadOnlyList<KeyValuePair<string, object?>> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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

    /// <summary>One column list of a table and its INSERT statements by row count (index = rows - 1).</summary>
    private sealed class Shape(string[] columns)
    {
        public string[] Columns { get; } = columns;

        public SqliteCommand?[] Commands { get; } = new SqliteCommand?[MaxRowsPerStatement];

        public PositionalInsert?[] Positional { get; } = new PositionalInsert?[MaxRowsPerStatement];
    }
}
