using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Conflicts;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Runner;
using Socrates.Core.Migration.Steps;
using Socrates.Core.V2.Schema;

namespace Socrates.Core.Tests.Migration;

/// <summary>
/// The V2 schema is step 5 of the project's catalog: recorded in schema_history with the checksum of
/// the V2 DDL, and a database that applied it refuses a changed script, a catalog without the step,
/// and a step registered below one it already applied.
/// </summary>
[Trait("Category", "Unit")]
public sealed class V2SchemaStepTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteConnection _db = new("Data Source=:memory:;Foreign Keys=True");

    public Task InitializeAsync() => _db.OpenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task MigrateAsync_ProjectCatalog_RecordsV2SchemaWithItsChecksum()
    {
        var result = await MigrationCatalog.Project.CreateRunner().MigrateAsync(_db, CancellationToken.None);

        Assert.Equal(V2SchemaStep.Version, result.CurrentVersion);
        var entry = Assert.Single(await SchemaHistory.ReadAsync(_db, CancellationToken.None), h => h.Version == V2SchemaStep.Version);
        Assert.True(entry.Success);
        Assert.Equal(MigrationChecksum.Of(SchemaSql.Create), entry.Checksum);
        foreach (var table in SchemaSql.Tables)
        {
            Assert.True(await ExistsAsync("table", table), table);
        }

        Assert.True(await ExistsAsync("index", "ix_project_notes_project"));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await MigrationCatalog.Project.CreateRunner().MigrateAsync(_db, CancellationToken.None);

        var again = await MigrationCatalog.Project.CreateRunner().MigrateAsync(_db, CancellationToken.None);

        Assert.Empty(again.Applied);
        Assert.Equal(V2SchemaStep.Version, again.CurrentVersion);
    }

    [Fact]
    public async Task MigrateAsync_ChangedSchemaScript_RefusedWithBothChecksums()
    {
        await MigrationCatalog.Project.CreateRunner().MigrateAsync(_db, CancellationToken.None);
        // The same tables and indexes (the declared footprint still holds), one column more.
        var changedSql = SchemaSql.Create.Replace("claude_auth_method        TEXT,", "claude_auth_method        TEXT,\n    locale TEXT,", StringComparison.Ordinal);
        Assert.NotEqual(SchemaSql.Create, changedSql);
        var changed = V2SchemaStep.Create(changedSql);

        var error = await Assert.ThrowsAsync<MigrationValidationException>(
            () => new MigrationRunner([.. MigrationCatalog.BookkeepingSteps, changed]).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.ChecksumMismatch, error.Code);
        Assert.Equal(V2SchemaStep.Version, error.Version);
        Assert.Equal(MigrationChecksum.Of(SchemaSql.Create), error.ExpectedChecksum);
        Assert.Equal(changed.Checksum, error.ActualChecksum);
        Assert.False(await ColumnExistsAsync("users", "locale"));
    }

    [Fact]
    public async Task MigrateAsync_CatalogWithoutV2Schema_RefusedAsMissing()
    {
        await MigrationCatalog.Project.CreateRunner().MigrateAsync(_db, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MigrationValidationException>(
            () => new MigrationRunner(MigrationCatalog.BookkeepingSteps).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.AppliedStepMissing, error.Code);
        Assert.Equal(V2SchemaStep.Version, error.Version);
    }

    [Fact]
    public async Task MigrateAsync_V2SchemaBelowAnAppliedStep_RefusedAsOutOfOrder()
    {
        // A database that applied a later step (6) before the V2 schema step existed.
        var later = SqlMigrationStep.FromSqlOnly(6, "later: audit table", "CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);");
        await new MigrationRunner([.. MigrationCatalog.BookkeepingSteps, later]).MigrateAsync(_db, CancellationToken.None);

        var error = await Assert.ThrowsAsync<MigrationValidationException>(
            () => new MigrationRunner([.. MigrationCatalog.BookkeepingSteps, V2SchemaStep.Create(), later]).MigrateAsync(_db, CancellationToken.None));

        Assert.Equal(MigrationErrorCode.OutOfOrder, error.Code);
        Assert.Equal(V2SchemaStep.Version, error.Version);
        Assert.False(await ExistsAsync("table", "projects"));
    }

    [Fact]
    public void Create_ScriptWithAnUndeclaredTable_RefusedAtRegistration()
    {
        var sql = SchemaSql.Create + "\nCREATE TABLE IF NOT EXISTS shadow_projects (project_id TEXT PRIMARY KEY);\n";

        var error = Assert.Throws<FootprintMismatchException>(() => V2SchemaStep.Create(sql));

        Assert.Contains(error.Differences, d => d.Contains("shadow_projects", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ProjectCatalog_V2SchemaRegisteredAndNoConflicts()
    {
        var steps = MigrationCatalog.Project.Steps;

        Assert.Contains(steps, s => s.Version == V2SchemaStep.Version && s.Checksum == MigrationChecksum.Of(SchemaSql.Create));
        Assert.Empty(MigrationConflictChecker.Check(steps));
    }

    [Fact]
    public void Check_LaterStepCreatingAV2TableAgain_ConflictNamesTheV2Step()
    {
        // The checker reads the V2 step's footprint: a later step creating "projects" again collides with it.
        var again = SqlMigrationStep.FromSqlOnly(6, "another projects table", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");

        var conflicts = MigrationConflictChecker.Check([.. MigrationCatalog.Project.Steps, again]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal([V2SchemaStep.Version, 6], conflict.Steps);
        Assert.Equal("projects", conflict.Table);
    }

    private async Task<bool> ExistsAsync(string type, string name)
    {
        await using var command = _db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = $type AND name = $name";
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private async Task<bool> ColumnExistsAsync(string table, string column)
    {
        await using var command = _db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
