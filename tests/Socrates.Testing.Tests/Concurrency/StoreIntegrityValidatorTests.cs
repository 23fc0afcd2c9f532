using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2;
using Socrates.Testing.Concurrency;

namespace Socrates.Testing.Tests.Concurrency;

/// <summary>
/// The stress validators on hand-made V2 files: a clean file passes, and each kind of damage
/// (a duplicated message, a phantom one, a gap, an orphan) is reported as what it is.
/// </summary>
[Trait("Category", "Unit")]
public sealed class StoreIntegrityValidatorTests : IAsyncLifetime
{
    private static readonly string[] s_appended = ["a0", "a1", "a2"];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("socrates-validator-");
    private string _path = "";

    private static Dictionary<string, HashSet<string>> Acknowledged => new() { ["p"] = [.. s_appended] };

    public async Task InitializeAsync()
    {
        _path = Path.Combine(_directory.FullName, "v2.db");
        await using var db = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = _path, PoolSize = 2 });
        await db.SaveProjectAsync(new ProjectContext { ProjectId = "p", Name = "p", Owner = "o", ConversationHistoryLoaded = false }, 0);
        foreach (var content in s_appended)
        {
            await db.AppendMessageAsync("p", new ConversationMessage { Role = "user", Content = content });
        }
    }

    public Task DisposeAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Check_CleanFile_NoProblem()
    {
        using var connection = Open();
        Assert.Empty(StoreIntegrityValidator.CheckSqlite(connection));
        Assert.Empty(StoreIntegrityValidator.CheckMessageLedger(connection, ["p"], Acknowledged, new HashSet<string>()));
    }

    [Fact]
    public void CheckMessageLedger_MessageStoredTwice_ReportsDuplicate()
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO conversation_messages (project_id, position, role, content) VALUES ('p', 3, 'user', 'a1');");

        var problems = StoreIntegrityValidator.CheckMessageLedger(connection, ["p"], Acknowledged, new HashSet<string>());

        Assert.Equal("p: message \"a1\" stored twice (again at position 3)", Assert.Single(problems));
        Assert.Empty(StoreIntegrityValidator.CheckSqlite(connection)); // SQLite's own checks cannot see it
    }

    [Fact]
    public void CheckMessageLedger_UnacknowledgedMessage_ReportedUnlessIndeterminate()
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO conversation_messages (project_id, position, role, content) VALUES ('p', 3, 'user', 'ghost');");

        var problems = StoreIntegrityValidator.CheckMessageLedger(connection, ["p"], Acknowledged, new HashSet<string>());
        var tolerated = StoreIntegrityValidator.CheckMessageLedger(connection, ["p"], Acknowledged, new HashSet<string> { "ghost" });

        Assert.Contains("never acknowledged", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Empty(tolerated);
    }

    [Fact]
    public void CheckMessageLedger_PositionGap_ReportsGap()
    {
        using var connection = Open();
        Execute(connection, "UPDATE conversation_messages SET position = 5 WHERE project_id = 'p' AND position = 2;");

        var problems = StoreIntegrityValidator.CheckMessageLedger(connection, ["p"], Acknowledged, new HashSet<string>());

        Assert.Equal("p: message position 5 where 2 was due (a gap)", Assert.Single(problems));
    }

    [Fact]
    public void CheckSqlite_OrphanMessage_ReportsForeignKey()
    {
        using var connection = Open();
        Execute(connection, "PRAGMA foreign_keys = OFF; INSERT INTO conversation_messages (project_id, position, role, content) VALUES ('missing', 0, 'user', 'x');");

        var problem = Assert.Single(StoreIntegrityValidator.CheckSqlite(connection));

        Assert.StartsWith("foreign_key_check: conversation_messages row", problem, StringComparison.Ordinal);
        Assert.EndsWith("points at a missing projects", problem, StringComparison.Ordinal);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
