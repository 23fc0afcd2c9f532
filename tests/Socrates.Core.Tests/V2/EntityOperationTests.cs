using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Validation;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class EntityOperationTests
{
    private readonly SocratesDataGenerator _generator = new(123);

    [Fact]
    public async Task Users_SaveLoadListArchiveDelete_Behave()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var user = _generator.User("erin");
        user.IsArchived = false;
        user.Projects = ["p2", "p1", "p3"];
        user.Extras["legacy"] = new List<object?> { 1L, "two" };
        await db.SaveUserAsync(user);
        Assert.Empty(EntityComparer.Diff(user, await db.LoadUserAsync("erin")));
        user.Projects = ["p3"];
        user.Email = null;
        await db.SaveUserAsync(user);
        Assert.Empty(EntityComparer.Diff(user, await db.LoadUserAsync("erin")));
        Assert.True(await db.ExistsUserAsync("erin"));
        Assert.Equal(1, await db.CountUsersAsync());
        Assert.Single(await db.GetUsersAsync());
        Assert.True(await db.ArchiveUserAsync("erin"));
        Assert.Equal(0, await db.CountUsersAsync());
        Assert.Empty(await db.GetUsersAsync());
        Assert.Equal(["p3"], (await db.GetUsersAsync(includeArchived: true)).Single().Projects);
        Assert.True(await db.RestoreUserAsync("erin"));
        Assert.True(await db.DeleteUserAsync("erin"));
        Assert.False(await db.DeleteUserAsync("erin"));
        Assert.Null(await db.LoadUserAsync("erin"));
        Assert.False(await db.ExistsUserAsync("erin"));
        Assert.False(await db.ArchiveUserAsync("erin"));
        Assert.False(await db.RestoreUserAsync("erin"));
        await Assert.ThrowsAsync<ValidationException>(() => db.SaveUserAsync(null!));
    }

    [Fact]
    public async Task Notes_SaveListDelete_AndOrphanNoteIsTypedConstraintError()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("frank");
        await db.SaveProjectAsync(project, null);
        var notes = Enumerable.Range(0, 3).Select(_ => _generator.Note(project.ProjectId, "frank")).ToList();
        foreach (var note in notes)
        {
            await db.SaveNoteAsync(note);
        }

        var stored = await db.GetProjectNotesAsync(project.ProjectId);
        Assert.Empty(EntityComparer.Diff(notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.NoteId, StringComparer.Ordinal).ToList(), stored));
        Assert.Equal(3, await db.CountProjectNotesAsync(project.ProjectId));
        Assert.True(await db.DeleteNoteAsync(notes[0].NoteId));
        Assert.False(await db.DeleteNoteAsync(notes[0].NoteId));
        Assert.Null(await db.LoadNoteAsync(notes[0].NoteId));

        var orphan = _generator.Note("no-such-project", "frank");
        var error = await Assert.ThrowsAsync<ConstraintViolationException>(() => db.SaveNoteAsync(orphan));
        Assert.Equal(DatabaseErrorCode.ConstraintViolation, error.Code);
        Assert.Equal(787, error.SqliteExtendedCode);
        Assert.Equal("SaveNoteAsync", error.Operation);
        Assert.Null(await db.LoadNoteAsync(orphan.NoteId));
    }

    [Fact]
    public async Task KnowledgeDocuments_SaveLoadEmbeddingsDelete_Behave()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("gina");
        await db.SaveProjectAsync(project, null);
        var withEmbedding = _generator.KnowledgeDocument(project.ProjectId, "gina");
        var without = _generator.KnowledgeDocument(project.ProjectId, "gina");
        without.Embedding = null;
        var empty = _generator.KnowledgeDocument(project.ProjectId, "gina");
        empty.Embedding = [];
        foreach (var d in new[] { withEmbedding, without, empty })
        {
            await db.SaveKnowledgeDocumentAsync(d);
            Assert.Empty(EntityComparer.Diff(d, await db.LoadKnowledgeDocumentAsync(d.Id)));
        }

        Assert.Equal(3, (await db.GetProjectKnowledgeDocumentsAsync(project.ProjectId)).Count);
        var embeddings = await db.GetProjectEmbeddingsAsync(project.ProjectId);
        Assert.Equal(2, embeddings.Count);
        Assert.Equal(withEmbedding.Embedding, embeddings.Single(e => e.Key == withEmbedding.Id).Value);
        withEmbedding.Embedding = null;
        await db.SaveKnowledgeDocumentAsync(withEmbedding);
        Assert.Single(await db.GetProjectEmbeddingsAsync(project.ProjectId));
        Assert.True(await db.ExistsKnowledgeDocumentAsync(without.Id));
        Assert.True(await db.DeleteKnowledgeDocumentAsync(without.Id));
        Assert.False(await db.DeleteKnowledgeDocumentAsync(without.Id));
        Assert.Null(await db.LoadKnowledgeDocumentAsync(without.Id));
        Assert.False(await db.ExistsKnowledgeDocumentAsync(without.Id));
        await Assert.ThrowsAsync<ConstraintViolationException>(() => db.SaveKnowledgeDocumentAsync(_generator.KnowledgeDocument("absent", "gina")));
    }

    [Fact]
    public async Task QuestionEffectiveness_DecimalsKeepScale_AndUniquePairEnforced()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var record = _generator.QuestionEffectiveness("hank");
        record.EffectivenessScore = 0.500m;
        record.AverageSpecExtractionCount = 12.0m;
        await db.SaveQuestionEffectivenessAsync(record);
        var loaded = (await db.LoadQuestionEffectivenessAsync("hank", record.QuestionTemplateId))!;
        Assert.Equal("0.500", loaded.EffectivenessScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(EntityComparer.Diff(record, loaded));
        Assert.Single(await db.GetUserQuestionEffectivenessAsync("hank"));
        Assert.Null(await db.LoadQuestionEffectivenessAsync("hank", "absent"));

        var clash = _generator.QuestionEffectiveness("hank");
        clash.QuestionTemplateId = record.QuestionTemplateId;
        var error = await Assert.ThrowsAsync<ConstraintViolationException>(() => db.SaveQuestionEffectivenessAsync(clash));
        Assert.Equal(2067, error.SqliteExtendedCode);
        Assert.True(await db.DeleteQuestionEffectivenessAsync(record.Id));
        Assert.False(await db.DeleteQuestionEffectivenessAsync(record.Id));
    }

    [Fact]
    public async Task BehaviorPatterns_SaveLoadListDelete_Behave()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var a = _generator.BehaviorPattern("ivy", "pace");
        var b = _generator.BehaviorPattern("ivy", "depth");
        await db.SaveBehaviorPatternAsync(a);
        await db.SaveBehaviorPatternAsync(b);
        Assert.Empty(EntityComparer.Diff(a, await db.LoadBehaviorPatternAsync("ivy", "pace")));
        Assert.Equal(["depth", "pace"], (await db.GetUserBehaviorPatternsAsync("ivy")).Select(p => p.PatternType));
        Assert.Null(await db.LoadBehaviorPatternAsync("ivy", "absent"));
        Assert.True(await db.DeleteBehaviorPatternAsync(a.Id));
        Assert.False(await db.DeleteBehaviorPatternAsync(a.Id));
        var bad = _generator.BehaviorPattern("ivy", "x");
        bad.LearnedFromProjects.Add("bad\0id");
        await Assert.ThrowsAsync<ValidationException>(() => db.SaveBehaviorPatternAsync(bad));
    }

    [Fact]
    public async Task ProviderConfigsKeysAndUsage_SaveLoadListDelete_Behave()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var config = _generator.ProviderConfig("jack", "claude");
        await db.SaveLlmProviderConfigAsync(config);
        Assert.Empty(EntityComparer.Diff(config, await db.LoadLlmProviderConfigAsync("jack", "claude")));
        Assert.Single(await db.GetUserLlmProviderConfigsAsync("jack"));
        Assert.Null(await db.LoadLlmProviderConfigAsync("jack", "openai"));
        Assert.True(await db.DeleteLlmProviderConfigAsync(config.Id));
        Assert.False(await db.DeleteLlmProviderConfigAsync(config.Id));

        var key = _generator.ApiKey("jack", "claude");
        await db.SaveApiKeyAsync(key);
        Assert.Empty(EntityComparer.Diff(key, await db.LoadApiKeyAsync("jack", "claude")));
        Assert.Single(await db.GetUserApiKeysAsync("jack"));
        Assert.True(await db.DeleteApiKeyAsync("jack", "claude"));
        Assert.False(await db.DeleteApiKeyAsync("jack", "claude"));
        Assert.Null(await db.LoadApiKeyAsync("jack", "claude"));

        var usage = Enumerable.Range(0, 20).Select(_ => _generator.Usage("jack")).ToList();
        foreach (var u in usage)
        {
            await db.SaveLlmUsageAsync(u);
        }

        var ordered = usage.OrderBy(u => u.Timestamp).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
        Assert.Empty(EntityComparer.Diff(ordered, await db.GetUserLlmUsageAsync("jack")));
        var middle = ordered[10].Timestamp;
        Assert.Equal(10, await db.CountUserLlmUsageAsync("jack", to: middle));
        Assert.Equal(10, (await db.GetUserLlmUsageAsync("jack", from: middle)).Count);
        Assert.Equal(5, (await db.GetUserLlmUsageAsync("jack", limit: 5)).Count);
        await Assert.ThrowsAsync<ConstraintViolationException>(() => db.SaveLlmUsageAsync(usage[0]));
        Assert.Equal(20, await db.CountUserLlmUsageAsync("jack"));
    }
}
