using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Failpoints;
using Socrates.Core.Repositories;
using Socrates.Core.Tests.Repositories;
using Socrates.Core.V2;
using Socrates.Core.V2.Rows;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

/// <summary>
/// GetUserProjects answers like V1's <c>get_user_projects</c> (the reference): a project is
/// visible to its owner, to its listed collaborators and to its team members, in created_at then
/// ordinal id order; and the query stays an index seek on every arm.
/// </summary>
[Trait("Category", "Unit")]
public sealed class UserProjectsVisibilityTests
{
    private static readonly string[] s_users = ["alice", "bob", "carol", "dave", "erin"];

    [Fact]
    public async Task GetUserProjects_TeamMemberOnly_VisibleAndCounted()
    {
        await using var test = await TestDatabase.CreateAsync();
        var generator = new SocratesDataGenerator(71);
        var project = generator.Project("alice");
        project.IsArchived = false;
        project.Collaborators = [];
        project.TeamMembers = [new TeamMember { Username = "bob", Role = "reviewer", JoinedAt = project.CreatedAt }];
        await test.Database.SaveProjectAsync(project, null);

        var listed = await test.Database.GetUserProjectsAsync("bob");

        Assert.Equal(project.ProjectId, Assert.Single(listed).ProjectId);
        Assert.False(listed[0].ConversationHistoryLoaded);
        Assert.Equal(1, await test.Database.CountUserProjectsAsync("bob"));
        Assert.Empty(await test.Database.GetUserProjectsAsync("carol"));
    }

    [Fact]
    public async Task GetUserProjects_TeamMemberAndCollaboratorAndOwner_ListedOnce()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(72).Project("bob");
        project.IsArchived = false;
        project.Collaborators = ["bob", "bob"];
        project.TeamMembers =
        [
            new TeamMember { Username = "bob", Role = "lead" },
            new TeamMember { Username = "bob", Role = "reviewer" },
        ];
        await test.Database.SaveProjectAsync(project, null);

        Assert.Single(await test.Database.GetUserProjectsAsync("bob"));
        Assert.Equal(1, await test.Database.CountUserProjectsAsync("bob"));
    }

    [Fact]
    public async Task GetUserProjects_ArchivedTeamProject_OnlyWhenIncludeArchived()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(73).Project("alice");
        project.IsArchived = true;
        project.Collaborators = [];
        project.TeamMembers = [new TeamMember { Username = "bob" }];
        await test.Database.SaveProjectAsync(project, null);

        Assert.Empty(await test.Database.GetUserProjectsAsync("bob"));
        Assert.Equal(0, await test.Database.CountUserProjectsAsync("bob"));
        Assert.Single(await test.Database.GetUserProjectsAsync("bob", includeArchived: true));
        Assert.Equal(1, await test.Database.CountUserProjectsAsync("bob", includeArchived: true));
    }

    [Fact]
    public async Task GetUserProjects_MixedVisibility_SameIdsAndOrderAsV1ForEveryUser()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var v1 = new V1ProjectRepository(stores.V1, stores.Time);
        var generator = new SocratesDataGenerator(74);
        var random = new Random(74);
        var shared = generator.Project("alice").CreatedAt;
        for (var i = 0; i < 24; i++)
        {
            var project = generator.Project(s_users[random.Next(s_users.Length)], ProjectShape.Small);
            project.IsArchived = random.Next(4) == 0;
            project.Collaborators = Pick(random, 2);
            project.TeamMembers = Pick(random, 3).Select(u => new TeamMember { Username = u, Role = "member" }).ToList();
            if (i % 3 == 0)
            {
                // Equal created_at: the id breaks the tie.
                project.CreatedAt = shared;
            }

            await v1.SaveProjectAsync(project);
            await stores.V2.SaveProjectAsync(project, null);
        }

        foreach (var user in s_users.Append("nobody"))
        {
            foreach (var includeArchived in new[] { false, true })
            {
                var expected = (await v1.GetUserProjectsAsync(user, includeArchived)).Select(p => p.ProjectId).ToList();
                var actual = (await stores.V2.GetUserProjectsAsync(user, includeArchived)).Select(p => p.ProjectId).ToList();
                Assert.Equal(expected, actual);
                Assert.Equal(expected.Count, await stores.V2.CountUserProjectsAsync(user, includeArchived));
            }
        }
    }

    [Fact]
    public async Task GetUserProjects_IdsThatUtf8AndUtf16OrderDifferently_OrdinalOrderLikeV1()
    {
        await using var test = await TestDatabase.CreateAsync();
        var generator = new SocratesDataGenerator(75);
        var created = generator.Project("alice").CreatedAt;

        // UTF-16: U+1F600 (surrogates D83D DE00) sorts before U+FFFD; UTF-8 (SQLite's BINARY): after.
        string[] ids = ["p-\uFFFD", "p-\U0001F600"];
        foreach (var id in ids)
        {
            var project = generator.Project("alice");
            project.ProjectId = id;
            project.IsArchived = false;
            project.CreatedAt = created;
            await test.Database.SaveProjectAsync(project, null);
        }

        var listed = await test.Database.GetUserProjectsAsync("alice");

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(p => p.ProjectId));
        Assert.Equal("p-\U0001F600", listed[0].ProjectId);
    }

    [Theory]
    [InlineData(ProjectSql.LoadForUser)]
    [InlineData(ProjectSql.CountForUser)]
    public async Task UserProjectQueries_QueryPlan_SeeksEveryTableNoScan(string sql)
    {
        await using var test = await TestDatabase.CreateAsync();
        var steps = await QueryPlanAsync(test.Path, sql);

        Assert.Contains(steps, s => s.Contains("ix_team_members_user", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("ix_project_collaborators_user", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("ix_projects_owner", StringComparison.Ordinal));
        Assert.Empty(TableScans(steps));
    }

    [Fact]
    public async Task UserProjectQueries_OwnerIndexDroppedCanary_PlanScansProjects()
    {
        // The check above can fail: without the owner indexes the owner arm scans the table.
        TestDatabase test;
        using (Failpoint.Enable(V2Failpoints.SchemaDropOwnerIndex))
        {
            test = await TestDatabase.CreateAsync();
        }

        await using (test)
        {
            Assert.NotEmpty(TableScans(await QueryPlanAsync(test.Path, ProjectSql.LoadForUser)));
        }
    }

    // A SCAN of a base table (not of a subquery's result, written "SCAN (subquery-n)", or of a
    // named subquery's co-routine, "CO-ROUTINE x" then "SCAN x") is a query that grows with the
    // whole database.
    private static List<string> TableScans(List<string> steps)
    {
        var subqueries = steps.Where(s => s.StartsWith("CO-ROUTINE ", StringComparison.Ordinal) || s.StartsWith("MATERIALIZE ", StringComparison.Ordinal))
            .Select(s => "SCAN " + s[(s.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.Ordinal);
        return steps.Where(s => s.StartsWith("SCAN ", StringComparison.Ordinal) && !s.StartsWith("SCAN (", StringComparison.Ordinal)
            && !s.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal) && !subqueries.Contains(s)).ToList();
    }

    private static async Task<List<string>> QueryPlanAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$user", "bob");
        command.Parameters.AddWithValue("$all", 0L);
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        return steps;
    }

    private static List<string> Pick(Random random, int max) =>
        Enumerable.Range(0, random.Next(max + 1)).Select(_ => s_users[random.Next(s_users.Length)]).ToList();
}
