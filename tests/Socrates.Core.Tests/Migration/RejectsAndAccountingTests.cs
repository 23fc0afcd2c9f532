using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Accounting;
using Socrates.Core.Migration.Rejects;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class RejectsAndAccountingTests
{
    [Fact]
    public void Compute_EveryTableBalanced_Holds()
    {
        var report = MigrationAccounting.Compute([new TableAccount("projects", 10, 9, 1), new TableAccount("users", 3, 3, 0)]);

        Assert.True(report.Holds);
        Assert.Empty(report.Mismatches);
        Assert.Equal(13, report.TotalSource);
    }

    [Fact]
    public void Compute_LostAndDoubleCountedRows_ListsBothTables()
    {
        var report = MigrationAccounting.Compute([
            new TableAccount("projects", 10, 8, 1),
            new TableAccount("notes", 5, 5, 1),
            new TableAccount("users", 3, 3, 0),
        ]);

        Assert.False(report.Holds);
        Assert.Equal(["notes", "projects"], report.Mismatches.Select(m => m.SourceTable));
        Assert.Equal(1, report.Mismatches.Single(m => m.SourceTable == "projects").Unaccounted);
        Assert.Equal(-1, report.Mismatches.Single(m => m.SourceTable == "notes").Unaccounted);
        Assert.Contains("projects: 10 source != 8 migrated + 1 rejected (+1 unaccounted)", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_InBatchTransactionRolledBack_RejectGone()
    {
        await using var db = await MigrationTestDatabase.OpenAsync();
        var log = new RejectLog();
        await using (var transaction = (SqliteTransaction)await db.BeginTransactionAsync())
        {
            Assert.True(await log.RecordAsync(db, transaction, MigrationTestDatabase.RunId, new MigrationReject("projects", "p1", "phase", "unknown phase 'x'", "x"), CancellationToken.None));
            await transaction.RollbackAsync();
        }

        Assert.Empty(await RejectLog.CountBySourceTableAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_SameRowTwice_OneReject()
    {
        await using var db = await MigrationTestDatabase.OpenAsync();
        var log = new RejectLog();

        await log.RecordAsync(db, null, MigrationTestDatabase.RunId, new MigrationReject("projects", "p1", "phase", "first", null), CancellationToken.None);
        await log.RecordAsync(db, null, MigrationTestDatabase.RunId, new MigrationReject("projects", "p1", "name", "second", new string('x', 2_000)), CancellationToken.None);

        var stored = Assert.Single(await RejectLog.ReadAsync(db, "projects", 10, CancellationToken.None));
        Assert.Equal("second", stored.Reason);
        Assert.Equal("name", stored.Field);
        Assert.StartsWith(new string('x', RejectLog.MaxExcerptLength), stored.RawExcerpt, StringComparison.Ordinal);
        Assert.EndsWith("...(+1488 chars)", stored.RawExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Excerpt_Bytes_HexBounded()
    {
        var excerpt = RejectLog.Excerpt(Enumerable.Range(0, 1_000).Select(i => (byte)i).ToArray());

        Assert.StartsWith("000102", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("...(+744 bytes)", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakePipeline_HonestRejects_AccountingHolds()
    {
        var account = await RunFakePipelineAsync();

        Assert.True(account.Holds, MigrationAccounting.Compute([account]).Describe());
        Assert.Equal(new TableAccount("items", 100, 93, 7), account);
    }

    [Fact]
    public async Task FakePipeline_SwallowCanary_AccountingFails()
    {
        TableAccount account;
        using (Failpoint.Enable(MigrationFailpoints.RejectsSwallow))
        {
            account = await RunFakePipelineAsync();
        }

        var report = MigrationAccounting.Compute([account]);
        Assert.False(report.Holds);
        Assert.Equal(7, Assert.Single(report.Mismatches).Unaccounted);
    }

    /// <summary>
    /// A per-row pipeline as the data migrator will be: each row is mapped; a row that fails is
    /// caught and handed to the reject log. 7 of 100 rows fail.
    /// </summary>
    private static async Task<TableAccount> RunFakePipelineAsync()
    {
        await using var db = await MigrationTestDatabase.OpenAsync();
        await MigrationTestDatabase.ExecuteAsync(db, "CREATE TABLE items (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE items_v2 (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
        await using (var command = db.CreateCommand())
        {
            command.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO items SELECT i, CASE WHEN i % 14 = 0 THEN NULL ELSE 'v' || i END FROM n";
            await command.ExecuteNonQueryAsync();
        }

        var log = new RejectLog();
        var rows = new List<(long Id, string? V)>();
        await using (var read = db.CreateCommand())
        {
            read.CommandText = "SELECT id, v FROM items ORDER BY id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), await reader.IsDBNullAsync(1) ? null : reader.GetString(1)));
            }
        }

        await using (var transaction = (SqliteTransaction)await db.BeginTransactionAsync())
        {
            foreach (var (id, v) in rows)
            {
                try
                {
                    await using var insert = db.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO items_v2 (id, v) VALUES ($id, $v)";
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$v", (object?)v ?? DBNull.Value);
                    await insert.ExecuteNonQueryAsync();
                }
                catch (SqliteException error)
                {
                    await log.RecordAsync(db, transaction, MigrationTestDatabase.RunId, new MigrationReject("items", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "v", error.Message, null), CancellationToken.None);
                }
            }

            await transaction.CommitAsync();
        }

        return await MigrationAccounting.CountAsync(db, db, "items", (t, ct) => t.CountRowsAsync("items_v2", ct), CancellationToken.None);
    }
}
