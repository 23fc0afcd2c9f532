using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Runner;
using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class MigrationRunnerTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public Task InitializeAsync() => _db.OpenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _db.Dispose();

    private static SqlMigrationStep Step(int version, string table, string extra = "") =>
        SqlMigrationStep.FromSqlOnly(version, "create " + table, $"CREATE TABLE {table} (id INTEGER PRIMARY KEY{extra});");

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesAllAndRecordsHistory()
    {
        var runner = new MigrationRunner([Step(1, "a"), Step(2, "b")]);

        var result = await runner.MigrateAsync(_db, CancellationToken.None);

        Assert.Equal([1, 2], result.Applied.Select(a => a.Version));
        Assert.Equal(2, result.CurrentVersion);
        var history = await SchemaHistory.ReadAsync(_db, CancellationToken.None);
        Assert.All(history, h => Assert.True(h.Success));
        Assert.Equal(runner.Steps.Select(s => s.Checksum), history.Select(h => h.Checksum));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", history[0].AppliedAt);
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_SecondAppliesNothing()
    {
        var runner = new MigrationRunner([Step(1, "a"), Step(2, "b")]);
        await runner.MigrateAsync(_db, CancellationToken.None);

        var again = await runner.MigrateAsync(_db, CancellationToken.None);

        Assert.True(again.UpToDateAlready);
        Assert.Equal(2, again.CurrentVersion);
    }

    [Fact]
    public async Task MigrateAsync_AppliedStepEdited_ChecksumMismatchNamesBothChecksums()
    {
        await new MigrationRunner([Step(1, "a")]).MigrateAsync(_db, CancellationToken.None);
        var edited = Step(1, "a", ", name TEXT");

        var error = await Assert.ThrowsAsync<MigrationValidationException>(
            () => new MigrationRunner([edited, Step(2, "b")]).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.ChecksumMismatch, error.Code);
        Assert.Equal(1, error.Version);
        Assert.Equal(Step(1, "a").Checksum, error.ExpectedChecksum);
        Assert.Equal(edited.Checksum, error.ActualChecksum);
        Assert.Contains(error.ExpectedChecksum!, error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("b")); // validation refused before anything ran
    }

    [Fact]
    public async Task MigrateAsync_AppliedVersionNoLongerRegistered_Refused()
    {
        await new MigrationRunner([Step(1, "a"), Step(2, "b")]).MigrateAsync(_db, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MigrationValidationException>(
            () => new MigrationRunner([Step(1, "a"), Step(3, "c")]).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.AppliedStepMissing, error.Code);
        Assert.Equal(2, error.Version);
    }

    [Fact]
    public async Task MigrateAsync_StepRegisteredBelowHighestApplied_OutOfOrderRefused()
    {
        await new MigrationRunner([Step(1, "a"), Step(3, "c")]).MigrateAsync(_db, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MigrationValidationException>(
            () => new MigrationRunner([Step(1, "a"), Step(2, "b"), Step(3, "c")]).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.OutOfOrder, error.Code);
        Assert.Equal(2, error.Version);
        Assert.False(await TableExistsAsync("b"));
    }

    [Fact]
    public void Constructor_DuplicateVersions_Refused()
    {
        var error = Assert.Throws<MigrationValidationException>(() => new MigrationRunner([Step(1, "a"), Step(1, "b")]));

        Assert.Equal(MigrationErrorCode.DuplicateVersion, error.Code);
        Assert.Contains("'create a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_StepFails_StepAndItsHistoryRolledBackFailureAudited()
    {
        var failing = new CodeMigrationStep(2, "half then fail", "v1", MigrationFootprint.Empty, async (c, t, ct) =>
        {
            await using var command = c.CreateCommand();
            command.Transaction = t;
            command.CommandText = "CREATE TABLE half (id INTEGER)";
            await command.ExecuteNonQueryAsync(ct);
            throw new InvalidOperationException("boom");
        });

        var error = await Assert.ThrowsAsync<MigrationStepFailedException>(
            () => new MigrationRunner([Step(1, "a"), failing]).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(2, error.Version);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.True(await TableExistsAsync("a"));
        Assert.False(await TableExistsAsync("half"));
        var history = await SchemaHistory.ReadAsync(_db, CancellationToken.None);
        Assert.True(history.Single(h => h.Version == 1).Success);
        Assert.False(history.Single(h => h.Version == 2).Success);

        // Fixed, it is applied on the next run (a failed attempt is not "applied").
        var fixedStep = new CodeMigrationStep(2, "fixed", "v2", MigrationFootprint.Empty, (_, _, _) => Task.CompletedTask);
        var result = await new MigrationRunner([Step(1, "a"), fixedStep]).MigrateAsync(_db, CancellationToken.None);
        Assert.Equal([2], result.Applied.Select(a => a.Version));
    }

    [Fact]
    public async Task MigrateAsync_ProjectCatalog_CreatesBookkeepingAndV2Tables()
    {
        await MigrationCatalog.Project.CreateRunner().MigrateAsync(_db, CancellationToken.None);

        foreach (var table in new[] { "schema_history", "migration_runs", "migration_rejects", "migration_progress", "users", "projects", "conversation_messages", "llm_usage" })
        {
            Assert.True(await TableExistsAsync(table), table);
        }

        var history = await SchemaHistory.ReadAsync(_db, CancellationToken.None);
        Assert.Equal(MigrationCatalog.BookkeepingSteps.Count + 1, history.Count);
        Assert.Equal([1, 2, 3, 4, V2SchemaStep.Version], history.Select(h => h.Version));
    }

    [Fact]
    public void Register_TakenVersion_Refused()
    {
        var catalog = MigrationCatalog.CreateProject();

        Assert.Throws<MigrationValidationException>(() => catalog.Register(Step(1, "again")));
    }

    private async Task<bool> TableExistsAsync(string name)
    {
        await using var command = _db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = $n";
        command.Parameters.AddWithValue("$n", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
