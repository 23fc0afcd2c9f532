using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Copying;

namespace Socrates.Core.Tests.Migration;

/// <summary>
/// The copy's positional INSERT (<see cref="PositionalInsert"/> through <see cref="InsertCommandCache.ExecuteAsync"/>)
/// stores exactly what the named-parameter <see cref="SqliteCommand"/> stores, value for value and
/// storage class for storage class, falls back to the command for values only the command converts,
/// and fails as the command fails.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PositionalInsertTests : IAsyncLifetime, IDisposable
{
    private const string Table = "t";
    private static readonly object?[] s_values =
    [
        null, DBNull.Value, string.Empty, "plain", "nul\0inside", "héllo 😀 \u2028", new string('x', 5000),
        long.MinValue, long.MaxValue, 0L, int.MinValue, (short)-7, (byte)255, true, false,
        0.0, -0.0, double.MaxValue, double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, 1.0 / 3,
        Array.Empty<byte>(), new byte[] { 0, 1, 2, 255 }, 1.5m, new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc),
        Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), 2.5f, 'c', 42u, 42UL, TimeSpan.FromSeconds(3),
    ];

    private SqliteConnection _connection = null!;
    private int _positionalStatements;
    private int _commandStatements;

    public async Task InitializeAsync()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        await _connection.OpenAsync();
        await MigrationTestDatabase.ExecuteAsync(_connection, $"CREATE TABLE {Table} (seq INTEGER NOT NULL, v, w TEXT NOT NULL)");
        await MigrationTestDatabase.ExecuteAsync(_connection, "CREATE TABLE u (k INTEGER PRIMARY KEY, v TEXT)");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task ExecuteAsync_EveryValueKind_StoresWhatTheCommandStores()
    {
        for (var i = 0; i < s_values.Length; i++)
        {
            var rows = new[] { Row(1, s_values[i]), Row(2, s_values[(i + 1) % s_values.Length]), Row(3, s_values[i]) };
            var positional = await StoredAsync(rows, positional: true);
            var named = await StoredAsync(rows, positional: false);
            Assert.Equal(named, positional);
        }

        // Both ways were taken: the values SQLitePCLRaw binds as they are by position, the rest by the command.
        Assert.True(_positionalStatements > 0, "no statement was bound by position");
        Assert.True(_commandStatements > 0, "no statement fell back to the command");
    }

    [Fact]
    public async Task ExecuteAsync_PlainValues_BoundByPosition()
    {
        await StoredAsync([Row(1, "text"), Row(2, 7L), Row(3, null), Row(4, new byte[] { 1 }), Row(5, 0.5), Row(6, true)], positional: true);

        Assert.Equal((1, 0), (_positionalStatements, _commandStatements));
    }

    [Fact]
    public async Task ExecuteAsync_WidestStatement_StoresEveryRowInOrder()
    {
        var rows = Enumerable.Range(0, InsertCommandCache.MaxRowsPerStatement)
            .Select(i => Row(i, s_values[i % s_values.Length]))
            .ToList();
        Assert.Equal(rows.Count, InsertCommandCache.RunLength(rows, 0, rows.Count));

        Assert.Equal(await StoredAsync(rows, positional: false), await StoredAsync(rows, positional: true));
    }

    [Fact]
    public async Task ExecuteAsync_NaN_RefusedAsTheCommandRefusesIt()
    {
        var rows = new[] { Row(1, double.NaN) };

        var named = await Record.ExceptionAsync(() => StoredAsync(rows, positional: false));
        var positional = await Record.ExceptionAsync(() => StoredAsync(rows, positional: true));

        Assert.NotNull(named);
        Assert.Equal(named.GetType(), positional?.GetType());
        Assert.Equal(named.Message, positional!.Message);
    }

    [Fact]
    public async Task ExecuteAsync_ConstraintViolation_SameErrorAndNothingOfTheStatementStays()
    {
        await MigrationTestDatabase.ExecuteAsync(_connection, "INSERT INTO u VALUES (2, 'existing')");
        var rows = new[] { TargetRow.Of("u", ("k", 1L), ("v", "a")), TargetRow.Of("u", ("k", 2L), ("v", "b")), TargetRow.Of("u", ("k", 3L), ("v", "c")) };

        var named = await ViolationAsync(rows, positional: false);
        var positional = await ViolationAsync(rows, positional: true);

        Assert.Equal(SqliteMigrationErrorCodes.Constraint, positional.SqliteErrorCode);
        Assert.Equal(named.SqliteErrorCode, positional.SqliteErrorCode);
        Assert.Equal(named.SqliteExtendedErrorCode, positional.SqliteExtendedErrorCode);
        Assert.Equal(named.Message, positional.Message);
        await using var count = _connection.CreateCommand();
        count.CommandText = "SELECT group_concat(k) FROM u";
        Assert.Equal("2", await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ExecuteAsync_UnknownColumn_SameErrorAsTheCommand()
    {
        var rows = new[] { TargetRow.Of(Table, ("seq", 1L), ("no_such_column", "x")) };

        var named = await Record.ExceptionAsync(() => StoredAsync(rows, positional: false));
        var positional = await Record.ExceptionAsync(() => StoredAsync(rows, positional: true));

        var expected = Assert.IsType<SqliteException>(named);
        var actual = Assert.IsType<SqliteException>(positional);
        Assert.Equal(expected.SqliteErrorCode, actual.SqliteErrorCode);
        Assert.Equal(expected.Message, actual.Message);
    }

    private static TargetRow Row(long seq, object? value) => TargetRow.Of(Table, ("seq", seq), ("v", value), ("w", "row " + seq));

    private async Task<SqliteException> ViolationAsync(TargetRow[] rows, bool positional)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        await using var inserts = new InsertCommandCache(_connection);
        var error = await Assert.ThrowsAsync<SqliteException>(() => positional
            ? inserts.ExecuteAsync(transaction, rows, 0, rows.Length, CancellationToken.None)
            : inserts.Bind(transaction, rows, 0, rows.Length).ExecuteNonQueryAsync());
        await transaction.CommitAsync();
        return error;
    }

    /// <summary>Inserts <paramref name="rows"/> one way, returns each stored row as (seq, typeof(v), quote(v), w), and empties the table.</summary>
    private async Task<List<string>> StoredAsync(IReadOnlyList<TargetRow> rows, bool positional)
    {
        await using (var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync())
        {
            await using var inserts = new InsertCommandCache(_connection);
            try
            {
                if (positional)
                {
                    await inserts.ExecuteAsync(transaction, rows, 0, rows.Count, CancellationToken.None);
                    _positionalStatements += inserts.PositionalStatements;
                    _commandStatements += inserts.CommandStatements;
                }
                else
                {
                    await inserts.Bind(transaction, rows, 0, rows.Count).ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
            catch
            {
                await transaction.RollbackAsync();
                throw;
            }
        }

        var stored = new List<string>();
        await using (var read = _connection.CreateCommand())
        {
            read.CommandText = $"SELECT seq, typeof(v), quote(v), hex(v), w FROM {Table} ORDER BY rowid";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        await MigrationTestDatabase.ExecuteAsync(_connection, $"DELETE FROM {Table}");
        return stored;
    }

    private static class SqliteMigrationErrorCodes
    {
        public const int Constraint = 19;
    }
}
