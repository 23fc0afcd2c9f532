using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Validation;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class ProjectOperationTests
{
    private readonly SocratesDataGenerator _generator = new(42);

    [Fact]
    public async Task SaveProject_New_ReturnsVersionOneAndLoadsEqual()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        Assert.Equal(1, await test.Database.SaveProjectAsync(project, null));
        Assert.Equal(1, project.Version);
        var loaded = await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);
        Assert.NotNull(loaded);
        Assert.Empty(ProjectDiff.Compare(project, loaded));
        Assert.Equal(1, loaded.Version);
        Assert.True(loaded.ConversationHistoryLoaded);
    }

    [Fact]
    public async Task SaveProject_ExistingWithNullExpected_ConflictNothingWritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        await test.Database.SaveProjectAsync(project, null);
        var changed = _generator.Project("alice");
        changed.ProjectId = project.ProjectId;
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => test.Database.SaveProjectAsync(changed, null));
        Assert.Equal((project.ProjectId, 0L, 1L), (error.ProjectId, error.ExpectedVersion, error.ActualVersion));
        Assert.Equal(DatabaseErrorCode.ConcurrencyConflict, error.Code);
        Assert.Empty(ProjectDiff.Compare(project, (await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full))!));
    }

    [Fact]
    public async Task SaveProject_StaleVersion_ConflictNamesBothVersions()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        await test.Database.SaveProjectAsync(project, null);
        await test.Database.SaveProjectAsync(project, 1);
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => test.Database.SaveProjectAsync(project, 1));
        Assert.Equal(2, error.ActualVersion);
        Assert.Contains("Expected version 1 but the stored version is 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveProject_ExpectedVersionButAbsent_Conflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => test.Database.SaveProjectAsync(_generator.Project("a"), 3));
        Assert.Equal(0, error.ActualVersion);
        Assert.Equal(0, await test.Database.CountUserProjectsAsync("a", true));
    }

    [Fact]
    public async Task SaveProject_MetadataLoadedThenSaved_KeepsStoredMessages()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice", ProjectShape.Default with { Messages = 7 });
        await test.Database.SaveProjectAsync(project, null);
        var lazy = (await test.Database.LoadProjectAsync(project.ProjectId))!;
        Assert.False(lazy.ConversationHistoryLoaded);
        Assert.Empty(lazy.ConversationHistory);
        lazy.Goals = "changed";
        Assert.Equal(2, await test.Database.SaveProjectAsync(lazy, lazy.Version));
        Assert.Equal(7, await test.Database.CountProjectMessagesAsync(project.ProjectId));
        var full = (await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full))!;
        Assert.Equal("changed", full.Goals);
        Assert.Empty(EntityComparer.Diff(project.ConversationHistory, full.ConversationHistory));
    }

    [Fact]
    public async Task SaveProject_MetadataLoadedUntouchedThenSaved_EveryFieldUnchanged()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        await test.Database.SaveProjectAsync(project, null);
        var lazy = (await test.Database.LoadProjectAsync(project.ProjectId))!;
        Assert.NotNull(lazy.PendingFreeFormJson(FreeFormField.AnalyticsMetrics));
        await test.Database.SaveProjectAsync(lazy, lazy.Version);
        var reloaded = (await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full))!;
        Assert.Empty(ProjectDiff.Compare(project, reloaded));
        Assert.Null(reloaded.PendingFreeFormJson(FreeFormField.AnalyticsMetrics));
    }

    [Fact]
    public async Task SaveProject_LazyFieldReplacedAfterLoad_NewValueStored()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        await test.Database.SaveProjectAsync(project, null);
        var lazy = (await test.Database.LoadProjectAsync(project.ProjectId))!;
        lazy.AnalyticsMetrics = new(StringComparer.Ordinal) { ["replaced"] = 1L };
        lazy.Notes.Add("appended to a lazily decoded list");
        await test.Database.SaveProjectAsync(lazy, lazy.Version);
        var reloaded = (await test.Database.LoadProjectAsync(project.ProjectId))!;
        Assert.Equal(["replaced"], reloaded.AnalyticsMetrics.Keys);
        Assert.Equal(project.Notes.Count + 1, reloaded.Notes.Count);
    }

    [Fact]
    public async Task SaveProject_LazyProjectWithMessagesAdded_ValidationError()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        await test.Database.SaveProjectAsync(project, null);
        var lazy = (await test.Database.LoadProjectAsync(project.ProjectId))!;
        lazy.ConversationHistory.Add(new ConversationMessage { Content = "x" });
        var error = await Assert.ThrowsAsync<ValidationException>(() => test.Database.SaveProjectAsync(lazy, lazy.Version));
        Assert.Equal("conversation_history", error.Field);
    }

    [Fact]
    public async Task SaveProject_FullReplace_ShrinksListsAndMessages()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice");
        await test.Database.SaveProjectAsync(project, null);
        project.Requirements.RemoveAt(0);
        project.TeamMembers.Clear();
        project.PhaseMaturityScores.Remove(PhaseNames.Design);
        project.CategoryScores.Clear();
        project.ConversationHistory.RemoveRange(0, 5);
        project.LlmConfiguration = null;
        await test.Database.SaveProjectAsync(project, 1);
        Assert.Empty(ProjectDiff.Compare(project, (await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full))!));
    }

    [Fact]
    public async Task LoadProject_Absent_Null()
    {
        await using var test = await TestDatabase.CreateAsync();
        Assert.Null(await test.Database.LoadProjectAsync("nope"));
        Assert.Null(await test.Database.LoadProjectAsync("nope", ProjectLoad.Full));
        Assert.Null(await test.Database.GetProjectVersionAsync("nope"));
        Assert.False(await test.Database.ExistsProjectAsync("nope"));
    }

    [Fact]
    public async Task LoadProject_BadLoadMode_ValidationError()
    {
        await using var test = await TestDatabase.CreateAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() => test.Database.LoadProjectAsync("p", (ProjectLoad)7));
        Assert.Equal("load", error.Field);
    }

    [Fact]
    public async Task DeleteProject_Existing_CascadesToChildrenNotesAndDocuments()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("alice");
        await db.SaveProjectAsync(project, null);
        var note = _generator.Note(project.ProjectId, "alice");
        await db.SaveNoteAsync(note);
        var document = _generator.KnowledgeDocument(project.ProjectId, "alice");
        await db.SaveKnowledgeDocumentAsync(document);
        Assert.True(await db.DeleteProjectAsync(project.ProjectId));
        Assert.False(await db.DeleteProjectAsync(project.ProjectId));
        Assert.Null(await db.LoadProjectAsync(project.ProjectId));
        Assert.Equal(0, await db.CountProjectMessagesAsync(project.ProjectId));
        Assert.Null(await db.LoadNoteAsync(note.NoteId));
        Assert.Null(await db.LoadKnowledgeDocumentAsync(document.Id));
        Assert.Empty(await db.GetProjectEmbeddingsAsync(project.ProjectId));
    }

    [Fact]
    public async Task ArchiveAndRestore_Existing_FlagsTimestampAndVersion()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("alice");
        project.IsArchived = false;
        await db.SaveProjectAsync(project, null);
        Assert.True(await db.ArchiveProjectAsync(project.ProjectId));
        var archived = (await db.LoadProjectAsync(project.ProjectId))!;
        Assert.True(archived.IsArchived);
        Assert.NotNull(archived.ArchivedAt);
        Assert.Equal(2, archived.Version);
        Assert.Empty(await db.GetUserProjectsAsync("alice"));
        Assert.Single(await db.GetUserProjectsAsync("alice", includeArchived: true));
        Assert.True(await db.RestoreProjectAsync(project.ProjectId));
        var restored = (await db.LoadProjectAsync(project.ProjectId))!;
        Assert.False(restored.IsArchived);
        Assert.Null(restored.ArchivedAt);
        Assert.Equal(3, restored.Version);
        Assert.False(await db.ArchiveProjectAsync("absent"));
        Assert.False(await db.RestoreProjectAsync("absent"));
    }

    [Fact]
    public async Task GetUserProjects_OwnedAndCollaborating_MetadataInCreationOrder()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var owned = Enumerable.Range(0, 5).Select(_ => _generator.Project("bob")).ToList();
        owned.ForEach(p => p.IsArchived = false);
        var shared = _generator.Project("carol");
        shared.IsArchived = false;
        shared.Collaborators = ["bob"];
        foreach (var p in owned.Append(shared))
        {
            await db.SaveProjectAsync(p, null);
        }

        await db.SaveProjectAsync(_generator.Project("dave"), null);
        var projects = await db.GetUserProjectsAsync("bob");
        var expected = owned.Append(shared).OrderBy(p => p.CreatedAt).ThenBy(p => p.ProjectId, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(p => p.ProjectId), projects.Select(p => p.ProjectId));
        foreach (var (want, got) in expected.Zip(projects))
        {
            Assert.Empty(ProjectDiff.Compare(want, got, includeConversationHistory: false));
            Assert.Empty(got.ConversationHistory);
        }

        Assert.Equal(6, await db.CountUserProjectsAsync("bob"));
        Assert.Empty(await db.GetUserProjectsAsync("nobody"));
        Assert.Equal(0, await db.CountUserProjectsAsync("nobody"));
    }

    [Fact]
    public async Task GetProjectByName_OwnerAndName_FindsOnlyThatOwners()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = _generator.Project("alice");
        a.Name = "Same Name";
        var b = _generator.Project("bob");
        b.Name = "Same Name";
        await test.Database.SaveProjectAsync(a, null);
        await test.Database.SaveProjectAsync(b, null);
        Assert.Equal(b.ProjectId, (await test.Database.GetProjectByNameAsync("bob", "Same Name"))?.ProjectId);
        Assert.Null(await test.Database.GetProjectByNameAsync("carol", "Same Name"));
        await Assert.ThrowsAsync<ValidationException>(() => test.Database.GetProjectByNameAsync("bob", ""));
    }

    [Fact]
    public async Task Collaborators_AddHasGetRemove_KeepOrderAndBumpVersion()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("alice");
        project.Collaborators = ["x", "y"];
        await db.SaveProjectAsync(project, null);
        Assert.True(await db.AddCollaboratorToProjectAsync(project.ProjectId, "z"));
        Assert.False(await db.AddCollaboratorToProjectAsync(project.ProjectId, "z"));
        Assert.False(await db.AddCollaboratorToProjectAsync("absent", "z"));
        Assert.Equal(["x", "y", "z"], await db.GetProjectCollaboratorsAsync(project.ProjectId));
        Assert.True(await db.HasCollaboratorAsync(project.ProjectId, "y"));
        Assert.True(await db.RemoveCollaboratorFromProjectAsync(project.ProjectId, "y"));
        Assert.False(await db.RemoveCollaboratorFromProjectAsync(project.ProjectId, "y"));
        Assert.False(await db.HasCollaboratorAsync(project.ProjectId, "y"));
        Assert.Equal(["x", "z"], await db.GetProjectCollaboratorsAsync(project.ProjectId));
        Assert.Null(await db.GetProjectCollaboratorsAsync("absent"));
        Assert.Equal(3, await db.GetProjectVersionAsync(project.ProjectId));
        Assert.Single(await db.GetUserProjectsAsync("z", includeArchived: true));
        await Assert.ThrowsAsync<ValidationException>(() => db.AddCollaboratorToProjectAsync(project.ProjectId, " z"));
    }

    [Fact]
    public async Task SaveProject_EmptyDictsNullsAndNonAsciiText_RoundTrip()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new ProjectContext
        {
            ProjectId = "minimal",
            Name = "Ünïcödé ✓ 名前",
            Owner = "o",
            CreatedAt = new DateTime(2024, 2, 29, 23, 59, 59, 999, 999),
            UpdatedAt = new DateTime(2024, 3, 1),
            Description = null,
            Goals = "line1\nline2\ttab \0 nul inside free text",
            ConversationHistory = [new ConversationMessage { PresentKeys = MessageKeys.Role | MessageKeys.Content, Role = "user", Content = "😀" }],
            PhaseMaturityScores = new() { ["discovery"] = -0.0, ["analysis"] = double.Epsilon, ["design"] = 1e300 },
            CategorizedSpecs = new() { ["$t"] = "a real key that looks like a tag" },
        };
        await test.Database.SaveProjectAsync(project, null);
        Assert.Empty(ProjectDiff.Compare(project, (await test.Database.LoadProjectAsync("minimal", ProjectLoad.Full))!));
    }
}
