using Microsoft.Data.Sqlite;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class LockingAndCorruptionTests
{
    [Fact]
    public async Task SaveProject_ExternalWriterHoldsLock_TypedBusyAndReadsStillServed()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.BusyTimeout = TimeSpan.FromMilliseconds(200));
        var db = test.Database;
        var generator = new SocratesDataGenerator(8);
        var existing = generator.Project("o");
        await db.SaveProjectAsync(existing, null);
        await using var blocker = new SqliteConnection($"Data Source={test.Path};Pooling=False");
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var write = blocker.CreateCommand())
        {
            write.Transaction = (SqliteTransaction)transaction;
            write.CommandText = "UPDATE projects SET progress = progress WHERE project_id = $id;";
            write.Parameters.AddWithValue("$id", existing.ProjectId);
            await write.ExecuteNonQueryAsync();
        }

        Assert.NotNull(await db.LoadProjectAsync(existing.ProjectId, ProjectLoad.Full));
        var blocked = generator.Project("o");
        var error = await Assert.ThrowsAsync<DatabaseException>(() => db.SaveProjectAsync(blocked, null));
        Assert.Equal(DatabaseErrorCode.Busy, error.Code);
        await transaction.RollbackAsync();
        Assert.Equal(1, await db.SaveProjectAsync(blocked, null));
    }

    [Fact]
    public async Task LoadProject_CorruptJsonColumn_TypedCorruptDataError()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(9).Project("o");
        await test.Database.SaveProjectAsync(project, null);
        await using (var raw = new SqliteConnection($"Data Source={test.Path};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "UPDATE project_details SET analytics_metrics_json = '{not json' WHERE project_id = $id;";
            command.Parameters.AddWithValue("$id", project.ProjectId);
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<DatabaseException>(() => test.Database.LoadProjectAsync(project.ProjectId));
        Assert.Equal(DatabaseErrorCode.CorruptData, error.Code);
        Assert.Equal(project.ProjectId, error.Key);
    }
}
