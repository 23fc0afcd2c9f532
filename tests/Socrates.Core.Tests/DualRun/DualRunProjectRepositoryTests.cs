using Microsoft.Extensions.Logging;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;
using Socrates.Core.Repositories;
using Socrates.Core.Tests.Repositories;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.DualRun;

/// <summary>The dual-run comparator over the real V1 and V2 stores.</summary>
[Trait("Category", "Unit")]
public sealed class DualRunProjectRepositoryTests
{
    [Fact]
    public async Task LoadProject_SameDataInBoth_NoMismatch()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var dual = new DualRunProjectRepository(new V1ProjectRepository(stores.V1, stores.Time), new V2ProjectRepository(stores.V2));
        var project = new SocratesDataGenerator(31).Project("alice");
        await dual.SaveProjectAsync(project);

        var loaded = await dual.LoadProjectAsync(project.ProjectId);
        var listed = await dual.GetUserProjectsAsync("alice", includeArchived: true);
        var page = await dual.GetProjectMessagesAsync(project.ProjectId, 2, 5);

        Assert.Empty(EntityComparer.Diff(project, loaded));
        Assert.Single(listed);
        Assert.Equal(5, page.Count);
        var statistics = dual.GetStatistics();
        Assert.Equal(3, statistics.ComparedReads);
        Assert.Equal(0, statistics.Mismatches);
    }

    [Fact]
    public async Task LoadProject_V2AnswerDiffersCanary_MismatchCountedLoggedWithIdAndPathAndV1Served()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var logger = new CapturingLogger<DualRunProjectRepository>();
        var dual = new DualRunProjectRepository(new V1ProjectRepository(stores.V1, stores.Time), new V2ProjectRepository(stores.V2), logger);
        var project = new SocratesDataGenerator(32).Project("alice");
        await dual.SaveProjectAsync(project);

        ProjectContext? served;
        using (Failpoint.Enable(DualRunFailpoints.V2AnswerDiffers))
        {
            served = await dual.LoadProjectAsync(project.ProjectId);
        }

        Assert.Equal(project.Description, served!.Description);
        var statistics = dual.GetStatistics();
        Assert.Equal(1, statistics.Mismatches);
        Assert.Equal(1, statistics.MismatchedFields);
        var mismatch = Assert.Single(statistics.FirstMismatches);
        Assert.Equal(("LoadProject", project.ProjectId, "Description"), (mismatch.Operation, mismatch.EntityId, mismatch.FieldPath));
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains(project.ProjectId, entry.Message, StringComparison.Ordinal);
        Assert.Contains("Description", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveProject_ShadowWriteFails_PrimaryKeepsItFailureCountedLoggedAndNotThrown()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var logger = new CapturingLogger<DualRunProjectRepository>();
        var v1 = new V1ProjectRepository(stores.V1, stores.Time);
        var shadow = new FailingWritesRepository(new V2ProjectRepository(stores.V2));
        var dual = new DualRunProjectRepository(v1, shadow, logger);
        var project = new SocratesDataGenerator(33).Project("alice");

        await dual.SaveProjectAsync(project);

        Assert.NotNull(await v1.LoadProjectAsync(project.ProjectId));
        var statistics = dual.GetStatistics();
        Assert.Equal(1, statistics.ShadowWriteFailures);
        Assert.Equal([project.ProjectId], statistics.DivergentEntities);
        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<IOException>(error.Error);
        Assert.Contains(project.ProjectId, error.Message, StringComparison.Ordinal);

        // The divergence then shows on reads too: V1 has the project, V2 does not.
        Assert.NotNull(await dual.LoadProjectAsync(project.ProjectId));
        Assert.Equal(1, dual.GetStatistics().Mismatches);
    }

    [Fact]
    public async Task SaveProject_PrimaryWriteFails_ExceptionReachesCallerAndShadowIsNotWritten()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var v2 = new V2ProjectRepository(stores.V2);
        var dual = new DualRunProjectRepository(new FailingWritesRepository(new V1ProjectRepository(stores.V1, stores.Time)), v2);
        var project = new SocratesDataGenerator(34).Project("alice");

        await Assert.ThrowsAsync<IOException>(() => dual.SaveProjectAsync(project));

        Assert.Null(await v2.LoadProjectAsync(project.ProjectId));
        Assert.Equal(0, dual.GetStatistics().ShadowWriteFailures);
    }

    [Fact]
    public async Task DeleteProject_ResultsDiffer_MismatchOnTheResult()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var v1 = new V1ProjectRepository(stores.V1, stores.Time);
        var dual = new DualRunProjectRepository(v1, new V2ProjectRepository(stores.V2));
        var project = new SocratesDataGenerator(35).Project("alice");
        await v1.SaveProjectAsync(project);

        Assert.True(await dual.DeleteProjectAsync(project.ProjectId));

        var mismatch = Assert.Single(dual.GetStatistics().FirstMismatches);
        Assert.Equal(("DeleteProject", "(result)"), (mismatch.Operation, mismatch.FieldPath));
    }

    [Fact]
    public async Task GetUserProjects_VisibleThroughTeamMembershipOnly_BothAgreeNoMismatch()
    {
        // V1's get_user_projects shows a project to its team members; V2 must too (this was a
        // BREAKING difference the comparator reported before V2's query learnt team membership).
        await using var stores = await RepositoryTestStores.CreateAsync();
        var dual = new DualRunProjectRepository(new V1ProjectRepository(stores.V1, stores.Time), new V2ProjectRepository(stores.V2));
        var project = new SocratesDataGenerator(36).Project("alice");
        project.IsArchived = false;
        project.Collaborators = [];
        project.TeamMembers.Add(new TeamMember { Username = "bob", Role = "reviewer", JoinedAt = project.CreatedAt });
        await dual.SaveProjectAsync(project);

        var served = await dual.GetUserProjectsAsync("bob");

        Assert.Equal(project.ProjectId, Assert.Single(served).ProjectId);
        var statistics = dual.GetStatistics();
        Assert.Empty(statistics.FirstMismatches);
        Assert.Equal(0, statistics.Mismatches);
        Assert.True(statistics.ComparedReads > 0, "the list was not compared");
    }
}
