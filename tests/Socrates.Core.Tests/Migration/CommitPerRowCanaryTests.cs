using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Rejects;

namespace Socrates.Core.Tests.Migration;

/// <summary>
/// The throughput gate's canary <see cref="MigrationFailpoints.CommitPerRow"/> injects its defect:
/// counted by SQLite's commit hook on the target (not by time), the copier then commits once per
/// source row instead of once per batch, synced, one INSERT per target row, and still copies
/// exactly the same rows.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CommitPerRowCanaryTests : IAsyncLifetime, IDisposable
{
    private const int Rows = 60;
    private const int BatchSize = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socrates-canary-" + Guid.NewGuid().ToString("N"));
    private SqliteConnection _source = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var sourcePath = Path.Combine(_folder, "source.db");
        await using (var setup = new SqliteConnection($"Data Source={sourcePath};Pooling=False"))
        {
            await setup.OpenAsync();
            await MigrationTestDatabase.ExecuteAsync(setup, "CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
            for (var i = 1; i <= Rows; i++)
            {
                await MigrationTestDatabase.ExecuteAsync(setup, $"INSERT INTO items VALUES ({i}, 'item {i}')");
            }
        }

        _source = await MigrationConnections.OpenSourceAsync(sourcePath, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _source.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task CopyAsync_CommitPerRowCanary_CommitsOncePerRowInsteadOfPerBatch()
    {
        var normal = await CopyCountingAsync(canary: false);
        var slow = await CopyCountingAsync(canary: true);

        // Once per batch (three full ones and the closing empty one), plus the job's progress row.
        Assert.InRange(normal.Commits, (Rows / BatchSize) + 1, (Rows / BatchSize) + 3);
        Assert.InRange(slow.Commits, Rows + 1, Rows + 3);
        Assert.Equal(Rows * 2, normal.Statements);
        Assert.Equal(Rows * 2, slow.Statements);
        Assert.Equal(normal.Content, slow.Content);
        Assert.Equal(Rows * 2, normal.Content.Count);
        Assert.Equal("full", slow.Synchronous);
    }

    [Fact]
    public async Task CopyAsync_ConsecutiveRowsOfOneShape_OneInsertStatementEach()
    {
        // Without the canary the two target rows of a source row share one multi-row INSERT only when
        // they have the same table and columns: here they have, so each source row costs one statement.
        var normal = await CopyCountingAsync(canary: false, sameShape: true);
        var slow = await CopyCountingAsync(canary: true, sameShape: true);

        Assert.Equal(Rows, normal.Statements);
        Assert.Equal(Rows * 2, slow.Statements);
        Assert.Equal(normal.Content, slow.Content);
    }

    private async Task<(int Commits, int Statements, List<string> Content, string Synchronous)> CopyCountingAsync(bool canary, bool sameShape = false)
    {
        var path = Path.Combine(_folder, $"target-{canary}-{sameShape}.db");
        await using (var bookkeeping = await MigrationTestDatabase.OpenAsync())
        {
            // the same bookkeeping schema and started run, in a file this time (synchronous applies to files)
            await MigrationTestDatabase.ExecuteAsync(bookkeeping, $"VACUUM INTO '{path}'");
        }

        await using var target = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True");
        await target.OpenAsync();

        await MigrationTestDatabase.ExecuteAsync(target, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE a (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, body TEXT)");
        var commits = 0;
        var statements = 0;
        SQLitePCL.raw.sqlite3_commit_hook(target.Handle, _ =>
        {
            commits++;
            return 0;
        }, null);
        var job = new TableCopyJob("items", "items", "id", ["body"], row => RowMapping.Insert(
        [
            TargetRow.Of("a", ("id", row.Key), ("body", row["body"])),
            TargetRow.Of(sameShape ? "a" : "b", ("id", sameShape ? (long)row.Key + 1000 : row.Key), ("body", row["body"])),
        ]));
        var options = new TableCopyOptions
        {
            BatchSize = BatchSize,
            VerifySourceIntegrity = false,
        };
        SQLitePCL.raw.sqlite3_trace(target.Handle, (_, sql) =>
        {
            var text = sql.utf8_to_string();
            if (text.StartsWith("INSERT INTO \"a\"", StringComparison.Ordinal) || text.StartsWith("INSERT INTO \"b\"", StringComparison.Ordinal))
            {
                statements++;
            }
        }, null);
        using (canary ? Failpoint.Enable(MigrationFailpoints.CommitPerRow) : null)
        {
            var result = await new BatchedTableCopier(_source, target, new RejectLog(), options).CopyAsync(job, MigrationTestDatabase.RunId, CancellationToken.None);
            Assert.True(result.Completed);
            Assert.Equal(Rows, result.RowsMigrated);
        }

        SQLitePCL.raw.sqlite3_commit_hook(target.Handle, (SQLitePCL.delegate_commit?)null, null);
        SQLitePCL.raw.sqlite3_trace(target.Handle, (SQLitePCL.delegate_trace?)null, null);
        var content = new List<string>();
        await using (var read = target.CreateCommand())
        {
            read.CommandText = "SELECT 'a', id, body FROM a UNION ALL SELECT 'b', id, body FROM b ORDER BY 1, 2";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                content.Add($"{reader.GetString(0)}:{reader.GetInt64(1)}:{reader.GetString(2)}");
            }
        }

        await using var pragma = target.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await pragma.ExecuteScalarAsync())! switch { 0 => "off", 1 => "normal", 2 => "full", _ => "extra" };
        return (commits, statements, content, synchronous);
    }
}
