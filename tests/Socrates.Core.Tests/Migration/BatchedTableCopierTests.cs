using Microsoft.Data.Sqlite;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Progress;
using Socrates.Core.Migration.Rejects;

namespace Socrates.Core.Tests.Migration;

/// <summary>The copier's contracts on small tables (the 10k-row, crash and fault runs are in the integrity suite).</summary>
[Trait("Category", "Unit")]
public sealed class BatchedTableCopierTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "socrates-copier-" + Guid.NewGuid().ToString("N"));
    private SqliteConnection _source = null!;
    private SqliteConnection _target = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var sourcePath = Path.Combine(_folder, "source.db");
        await using (var setup = new SqliteConnection($"Data Source={sourcePath};Pooling=False"))
        {
            await setup.OpenAsync();
            await MigrationTestDatabase.ExecuteAsync(setup, """
                CREATE TABLE notes (note_id TEXT, project TEXT, body TEXT);
                INSERT INTO notes VALUES ('n10', 'p1', 'ten'), ('n2', 'p1', 'two'), ('n1', 'p2', 'one'), ('n3', 'p9', 'three'), ('n4', 'p2', NULL);
                """);
        }

        _source = await MigrationConnections.OpenSourceAsync(sourcePath, CancellationToken.None);
        _target = await MigrationTestDatabase.OpenAsync();
        await MigrationTestDatabase.ExecuteAsync(_target, """
            CREATE TABLE projects (project_id TEXT PRIMARY KEY);
            INSERT INTO projects VALUES ('p1'), ('p2');
            CREATE TABLE notes_v2 (note_id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects (project_id), body TEXT NOT NULL);
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static TableCopyJob Job(Func<SourceRow, RowMapping>? mapper = null) => new(
        "notes", "notes", "note_id", ["project", "body"],
        mapper ?? (row => RowMapping.Insert(TargetRow.Of("notes_v2", ("note_id", row.Key), ("project_id", row["project"]), ("body", row["body"])))));

    private BatchedTableCopier Copier(int batchSize = 2, IProgress<MigrationProgressSnapshot>? progress = null) =>
        new(_source, _target, new RejectLog(), new TableCopyOptions { BatchSize = batchSize, Progress = progress });

    [Fact]
    public async Task CopyAsync_ConstraintViolations_RowsRejectedWithReasonOthersCopied()
    {
        var result = await Copier().CopyAsync(Job(), MigrationTestDatabase.RunId, CancellationToken.None);

        Assert.True(result.Completed);
        Assert.Equal(5, result.RowsRead);
        Assert.Equal(3, result.RowsMigrated);
        Assert.Equal(2, result.RowsRejected);
        var rejects = await RejectLog.ReadAsync(_target, "notes", 10, CancellationToken.None);
        Assert.Equal(["n3", "n4"], rejects.Select(r => r.EntityId));
        Assert.Contains("FOREIGN KEY", rejects[0].Reason, StringComparison.Ordinal);
        Assert.Contains("NOT NULL", rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains("project=p9", rejects[0].RawExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_TextKeys_ReadInKeyOrderAcrossBatches()
    {
        var seen = new List<string>();

        await Copier(batchSize: 2).CopyAsync(Job(row =>
        {
            seen.Add(row.KeyText);
            return RowMapping.Reject(null, "collect only");
        }), MigrationTestDatabase.RunId, CancellationToken.None);

        Assert.Equal(["n1", "n10", "n2", "n3", "n4"], seen);
    }

    [Fact]
    public async Task CopyAsync_MapperThrows_TypedErrorEarlierBatchesKeptFailingBatchNot()
    {
        var error = await Assert.ThrowsAsync<MigrationException>(() => Copier(batchSize: 2).CopyAsync(
            Job(row => row.KeyText == "n3" ? throw new FormatException("bad body") : RowMapping.Reject(null, "skip")),
            MigrationTestDatabase.RunId,
            CancellationToken.None));

        Assert.Equal(MigrationErrorCode.CopyFailed, error.Code);
        Assert.Equal("n3", error.Context["key"]);
        Assert.IsType<FormatException>(error.InnerException);
        var mark = await CopyProgressStore.ReadAsync(_target, "notes", CancellationToken.None);
        Assert.Equal("n10", mark!.LastKey);
        Assert.Equal(2, mark.RowsRead);
        Assert.Equal(2, (await RejectLog.CountBySourceTableAsync(_target, CancellationToken.None))["notes"]);
    }

    [Fact]
    public async Task CopyAsync_NullOrRepeatedKeys_RefusedBeforeWriting()
    {
        await using var source = new SqliteConnection("Data Source=:memory:");
        await source.OpenAsync();
        await MigrationTestDatabase.ExecuteAsync(source, "CREATE TABLE notes (note_id TEXT, project TEXT, body TEXT); INSERT INTO notes VALUES ('a', 'p1', 'x'), (NULL, 'p1', 'y'), ('a', 'p1', 'z');");
        var copier = new BatchedTableCopier(source, _target, new RejectLog(), new TableCopyOptions { VerifySourceIntegrity = false });

        var error = await Assert.ThrowsAsync<MigrationException>(() => copier.CopyAsync(Job(), MigrationTestDatabase.RunId, CancellationToken.None));

        Assert.Contains("1 NULL and 1 repeated", error.Message, StringComparison.Ordinal);
        Assert.Null(await CopyProgressStore.ReadAsync(_target, "notes", CancellationToken.None));
    }

    [Fact]
    public async Task CopyAsync_CompletedJobRunAgain_NothingCopied()
    {
        await Copier().CopyAsync(Job(), MigrationTestDatabase.RunId, CancellationToken.None);

        var again = await Copier().CopyAsync(Job(), MigrationTestDatabase.RunId, CancellationToken.None);

        Assert.Equal(0, again.RowsThisRun);
        Assert.True(again.Completed);
        Assert.Equal(3, await _target.CountRowsAsync("notes_v2", CancellationToken.None));
    }

    [Fact]
    public async Task CopyAsync_ProgressSink_ReportsEveryBatchToTotal()
    {
        var snapshots = new List<MigrationProgressSnapshot>();

        await Copier(batchSize: 2, progress: new InlineProgress(snapshots.Add)).CopyAsync(Job(), MigrationTestDatabase.RunId, CancellationToken.None);

        Assert.Equal([2L, 4L, 5L], snapshots.Select(s => s.RowsDone));
        Assert.All(snapshots, s => Assert.Equal(5, s.RowsTotal));
    }

    [Fact]
    public async Task CopyAsync_IdentifierWithQuote_Refused()
    {
        var job = new TableCopyJob("x", "notes\"; DROP TABLE projects; --", "note_id", [], _ => RowMapping.Reject(null, "n/a"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => Copier().CopyAsync(job, MigrationTestDatabase.RunId, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.InvalidIdentifier, error.Code);
    }

    [Fact]
    public async Task CopyAsync_RunNeverStarted_TypedErrorNothingWritten()
    {
        var error = await Assert.ThrowsAsync<MigrationException>(() => Copier().CopyAsync(Job(), "no-such-run", CancellationToken.None));

        Assert.Equal(MigrationErrorCode.CopyFailed, error.Code);
        Assert.Equal("no-such-run", error.Context["runId"]);
        Assert.Null(await CopyProgressStore.ReadAsync(_target, "notes", CancellationToken.None));
    }

    [Fact]
    public async Task CopyAsync_TargetWithoutBookkeeping_TypedErrorNamingTables()
    {
        await using var bare = new SqliteConnection("Data Source=:memory:");
        await bare.OpenAsync();
        var copier = new BatchedTableCopier(_source, bare, new RejectLog());

        var error = await Assert.ThrowsAsync<MigrationException>(() => copier.CopyAsync(Job(), MigrationTestDatabase.RunId, CancellationToken.None));

        Assert.Equal("migration_runs, migration_rejects, migration_progress", error.Context["missing"]);
    }

    [Fact]
    public void Options_BatchSizeZero_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchedTableCopier(_source, _target, new RejectLog(), new TableCopyOptions { BatchSize = 0 }));
    }

    private sealed class InlineProgress(Action<MigrationProgressSnapshot> report) : IProgress<MigrationProgressSnapshot>
    {
        public void Report(MigrationProgressSnapshot value) => report(value);
    }
}
