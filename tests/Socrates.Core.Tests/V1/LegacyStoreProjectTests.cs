using Socrates.Core.Pickle;
using Socrates.Core.Tests.Pickle;
using Socrates.Core.V1;

namespace Socrates.Core.Tests.V1;

[Trait("Category", "Unit")]
public sealed class LegacyStoreProjectTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    private static Dictionary<string, object?> Project(string id, string owner, string[]? collaborators = null, string[]? team = null) => new()
    {
        ["project_id"] = id,
        ["name"] = "Project " + id,
        ["owner"] = owner,
        ["created_at"] = new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(60),
        ["updated_at"] = new DateTime(2024, 2, 3, 4, 5, 6),
        ["collaborators"] = (collaborators ?? []).Select(c => (object?)c).ToList(),
        ["team_members"] = (team ?? []).Select(t => (object?)new Dictionary<string, object?> { ["username"] = t, ["role"] = "creator" }).ToList(),
    };

    [Fact]
    public async Task InitializeAsync_CreatesTheNineTablesExactlyAsTheDesign()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await using var python = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);

        foreach (var (table, statement) in V1Schema.TableNames.Zip(V1Schema.CreateStatements))
        {
            var sql = (string?)await database.ScalarAsync("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", table));
            var pythonSql = (string?)await python.ScalarAsync("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $n", ("$n", table));
            Assert.Equal(statement.Replace("IF NOT EXISTS ", "", StringComparison.Ordinal), sql);
            Assert.Equal(pythonSql, sql);
        }

        Assert.Equal(9L, await database.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task InitializeAsync_Twice_KeepsData()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.Store.SaveProjectAsync("p1", Project("p1", "alice"), s_none);

        await database.Store.InitializeAsync(s_none);

        Assert.NotNull(await database.Store.LoadProjectAsync("p1", s_none));
    }

    [Fact]
    public async Task SaveProjectAsync_FullFixture_LoadsEqualAndFillsColumns()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var project = (Dictionary<string, object?>)V1FixtureFiles.Expected("project_full")!;

        await database.Store.SaveProjectAsync("proj_7f3a9c2e", project, s_none);
        var loaded = await database.Store.LoadProjectAsync("proj_7f3a9c2e", s_none);

        Assert.Null(PyValueComparer.Strict.FindDifference(project, loaded));
        Assert.Equal("2024-03-11T09:15:02.481516", await database.ScalarAsync("SELECT created_at FROM projects"));
        Assert.Equal("2024-05-02T17:45:59.999999", await database.ScalarAsync("SELECT updated_at FROM projects"));
    }

    [Fact]
    public async Task SaveProjectAsync_WithoutTimestamps_UsesInjectedClock()
    {
        await using var database = await TemporaryV1Database.CreateAsync();

        await database.Store.SaveProjectAsync("p1", new Dictionary<string, object?> { ["owner"] = "a" }, s_none);

        Assert.Equal("2024-06-01T12:00:00", await database.ScalarAsync("SELECT created_at FROM projects"));
    }

    [Fact]
    public async Task LoadProjectAsync_Missing_ReturnsNull()
    {
        await using var database = await TemporaryV1Database.CreateAsync();

        Assert.Null(await database.Store.LoadProjectAsync("nope", s_none));
    }

    [Fact]
    public async Task SaveProjectAsync_SameIdTwice_ReplacesWholeRow()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var first = Project("p1", "alice");
        first["description"] = "old";
        await database.Store.SaveProjectAsync("p1", first, s_none);

        var second = Project("p1", "bob");
        await database.Store.SaveProjectAsync("p1", second, s_none);

        var loaded = await database.Store.LoadProjectAsync("p1", s_none);
        Assert.Equal("bob", loaded!["owner"]);
        Assert.False(loaded.ContainsKey("description")); // INSERT OR REPLACE: nothing of the first save survives
        Assert.Equal(1L, await database.Store.CountRowsAsync(V1Schema.Projects, s_none));
    }

    [Fact]
    public async Task GetUserProjectsAsync_FiltersByOwnerCollaboratorOrTeamMember()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.Store.SaveProjectAsync("owned", Project("owned", "alice"), s_none);
        await database.Store.SaveProjectAsync("collab", Project("collab", "bob", collaborators: ["alice"]), s_none);
        await database.Store.SaveProjectAsync("team", Project("team", "carol", team: ["dave", "alice"]), s_none);
        await database.Store.SaveProjectAsync("other", Project("other", "bob", collaborators: ["alicia"], team: ["al"]), s_none);
        await database.Store.SaveProjectAsync("legacy", new Dictionary<string, object?> { ["project_id"] = "legacy", ["owner"] = "alice" }, s_none);

        var projects = await database.Store.GetUserProjectsAsync("alice", s_none);

        Assert.Equal(["owned", "collab", "team", "legacy"], projects.Select(p => (string)p["project_id"]!));
        Assert.Empty(await database.Store.GetUserProjectsAsync("nobody", s_none));
        Assert.Equal(5, (await database.Store.GetAllProjectsAsync(s_none)).Count);
    }

    [Fact]
    public async Task GetUserProjectsAsync_OneCorruptRow_FailsNamingIt()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.Store.SaveProjectAsync("good", Project("good", "alice"), s_none);
        await database.ScalarAsync("INSERT INTO projects (project_id, data) VALUES ('bad', $d)", ("$d", new byte[] { 0x80, 4, 0xff }));

        var error = await Assert.ThrowsAsync<LegacyStoreException>(() => database.Store.GetUserProjectsAsync("alice", s_none));

        Assert.Equal(LegacyStoreErrorCode.CorruptBlob, error.Code);
        Assert.Equal("projects", error.Table);
        Assert.Equal("bad", error.RowId);
        var inner = Assert.IsType<PickleFormatException>(error.InnerException);
        Assert.Equal(2, inner.Offset);
    }

    [Fact]
    public async Task LoadProjectAsync_HostilePickle_ThrowsCorruptBlobWithoutExecutingIt()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var evil = await File.ReadAllBytesAsync(Path.Combine(V1FixtureFiles.Root, "hostile", "os_system_reduce.p4.pickle"));
        await database.ScalarAsync("INSERT INTO projects (project_id, data) VALUES ('evil', $d)", ("$d", evil));

        var error = await Assert.ThrowsAsync<LegacyStoreException>(() => database.Store.LoadProjectAsync("evil", s_none));

        Assert.Equal(PickleErrorCode.ForbiddenGlobal, Assert.IsType<PickleFormatException>(error.InnerException).Code);
        Assert.Contains("projects row 'evil'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadProjectAsync_NullOrNonDictBlob_ThrowsCorruptBlob()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.ScalarAsync("INSERT INTO projects (project_id, data) VALUES ('null', NULL)");
        await database.ScalarAsync("INSERT INTO projects (project_id, data) VALUES ('list', $d)", ("$d", PickleEncoder.Encode(new List<object?>())));

        Assert.Equal(LegacyStoreErrorCode.CorruptBlob, (await Assert.ThrowsAsync<LegacyStoreException>(() => database.Store.LoadProjectAsync("null", s_none))).Code);
        var error = await Assert.ThrowsAsync<LegacyStoreException>(() => database.Store.LoadProjectAsync("list", s_none));
        Assert.Contains("list of 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveProjectAsync_ValueOutsideModel_ThrowsUnpicklableDataWithPath()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var project = Project("p1", "alice");
        project["archived_at"] = DateTimeOffset.UnixEpoch;

        var error = await Assert.ThrowsAsync<LegacyStoreException>(() => database.Store.SaveProjectAsync("p1", project, s_none));

        Assert.Equal(LegacyStoreErrorCode.UnpicklableData, error.Code);
        Assert.Equal("$.archived_at", Assert.IsType<PickleEncodingException>(error.InnerException).Path);
        Assert.Equal(0L, await database.Store.CountRowsAsync(V1Schema.Projects, s_none));
    }

    [Fact]
    public async Task DeleteProjectAsync_ExistingThenMissing_TrueThenFalse()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.Store.SaveProjectAsync("p1", Project("p1", "alice"), s_none);

        Assert.True(await database.Store.DeleteProjectAsync("p1", s_none));
        Assert.False(await database.Store.DeleteProjectAsync("p1", s_none));
        Assert.Null(await database.Store.LoadProjectAsync("p1", s_none));
    }

    [Fact]
    public async Task DeleteProjectAsync_WithNotes_LeavesOrphansLikeV1()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.Store.SaveProjectAsync("p1", Project("p1", "alice"), s_none);
        await database.Store.SaveNoteAsync("n1", "p1", new Dictionary<string, object?> { ["title"] = "t" }, s_none);

        Assert.True(await database.Store.DeleteProjectAsync("p1", s_none));

        Assert.Single(await database.Store.GetProjectNotesAsync("p1", s_none)); // foreign keys were never enforced in V1
    }

    [Fact]
    public async Task LoadProjectAsync_Cancelled_Throws()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.Store.LoadProjectAsync("p1", cancelled.Token));
    }

    [Fact]
    public async Task LoadProjectAsync_UnopenableDatabase_ThrowsDatabaseError()
    {
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = "Data Source=/nonexistent-dir/x.db;Mode=ReadOnly" });

        var error = await Assert.ThrowsAsync<LegacyStoreException>(() => store.LoadProjectAsync("p1", s_none));

        Assert.Equal(LegacyStoreErrorCode.Database, error.Code);
        Assert.Contains("SQLite error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_ThrowNamingSetting()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyStore(new LegacyStoreOptions { ConnectionString = "Data Source=x", PickleProtocol = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyStore(new LegacyStoreOptions { ConnectionString = "Data Source=x", CommandTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => new LegacyStore(new LegacyStoreOptions { ConnectionString = " " }));
    }
}
