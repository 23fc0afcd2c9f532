using Socrates.Core.Domain;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

/// <summary>
/// One call of every public operation of <see cref="AsyncProjectDatabase"/>, against data
/// <see cref="SeedAsync"/> stored. The monitor-coverage test runs them all; the timeout,
/// cancellation and overload tests run each one through the failure path.
/// </summary>
internal static class OperationCatalog
{
    public const string ProjectId = "catalog-project";
    public const string Owner = "catalog-owner";

    public static async Task<Seeded> SeedAsync(AsyncProjectDatabase db)
    {
        var g = new SocratesDataGenerator(7);
        var user = g.User(Owner);
        var project = g.Project(Owner, ProjectShape.Small);
        project.ProjectId = ProjectId;
        await db.SaveUserAsync(user);
        await db.SaveProjectAsync(project, null);
        var note = g.Note(ProjectId, Owner);
        await db.SaveNoteAsync(note);
        var document = g.KnowledgeDocument(ProjectId, Owner);
        await db.SaveKnowledgeDocumentAsync(document);
        var effectiveness = g.QuestionEffectiveness(Owner);
        await db.SaveQuestionEffectivenessAsync(effectiveness);
        var pattern = g.BehaviorPattern(Owner);
        await db.SaveBehaviorPatternAsync(pattern);
        var config = g.ProviderConfig(Owner, "claude");
        await db.SaveLlmProviderConfigAsync(config);
        var key = g.ApiKey(Owner, "claude");
        await db.SaveApiKeyAsync(key);
        var usage = g.Usage(Owner);
        await db.SaveLlmUsageAsync(usage);
        return new Seeded(g, user, project, note, document, effectiveness, pattern, config, key, usage);
    }

    /// <summary>Every public operation (by method name) and one call of it; calls are independent and repeatable.</summary>
    public static IReadOnlyList<(string Name, Func<AsyncProjectDatabase, CancellationToken, Task> Call)> All(Seeded s) =>
    [
        ("SaveProjectAsync", async (db, ct) =>
        {
            var p = s.Generator.Project(Owner, ProjectShape.Small);
            await db.SaveProjectAsync(p, null, ct);
        }),
        ("LoadProjectAsync", (db, ct) => db.LoadProjectAsync(ProjectId, ProjectLoad.Full, ct)),
        ("DeleteProjectAsync", (db, ct) => db.DeleteProjectAsync("absent-project", ct)),
        ("ArchiveProjectAsync", (db, ct) => db.ArchiveProjectAsync(ProjectId, ct)),
        ("RestoreProjectAsync", (db, ct) => db.RestoreProjectAsync(ProjectId, ct)),
        ("GetUserProjectsAsync", (db, ct) => db.GetUserProjectsAsync(Owner, true, ct)),
        ("CountUserProjectsAsync", (db, ct) => db.CountUserProjectsAsync(Owner, true, ct)),
        ("GetProjectByNameAsync", (db, ct) => db.GetProjectByNameAsync(Owner, s.Project.Name, ct)),
        ("ExistsProjectAsync", (db, ct) => db.ExistsProjectAsync(ProjectId, ct)),
        ("GetProjectVersionAsync", (db, ct) => db.GetProjectVersionAsync(ProjectId, ct)),
        ("AddCollaboratorToProjectAsync", (db, ct) => db.AddCollaboratorToProjectAsync(ProjectId, "catalog-collaborator", ct)),
        ("RemoveCollaboratorFromProjectAsync", (db, ct) => db.RemoveCollaboratorFromProjectAsync(ProjectId, "catalog-collaborator", ct)),
        ("GetProjectCollaboratorsAsync", (db, ct) => db.GetProjectCollaboratorsAsync(ProjectId, ct)),
        ("HasCollaboratorAsync", (db, ct) => db.HasCollaboratorAsync(ProjectId, "nobody", ct)),
        ("AppendMessageAsync", (db, ct) => db.AppendMessageAsync(ProjectId, s.Generator.Message(Phase.Design, s.Generator.Timestamp()), ct)),
        ("AddMessageToProjectAsync", (db, ct) => db.AddMessageToProjectAsync(ProjectId, s.Generator.Message(Phase.Design, s.Generator.Timestamp()), ct)),
        ("GetProjectMessagesAsync", (db, ct) => db.GetProjectMessagesAsync(ProjectId, 0, 10, ct)),
        ("CountProjectMessagesAsync", (db, ct) => db.CountProjectMessagesAsync(ProjectId, ct)),
        ("SaveUserAsync", (db, ct) => db.SaveUserAsync(s.User, ct)),
        ("LoadUserAsync", (db, ct) => db.LoadUserAsync(Owner, ct)),
        ("GetUsersAsync", (db, ct) => db.GetUsersAsync(true, ct)),
        ("DeleteUserAsync", (db, ct) => db.DeleteUserAsync("absent-user", ct)),
        ("ExistsUserAsync", (db, ct) => db.ExistsUserAsync(Owner, ct)),
        ("CountUsersAsync", (db, ct) => db.CountUsersAsync(true, ct)),
        ("ArchiveUserAsync", (db, ct) => db.ArchiveUserAsync(Owner, ct)),
        ("RestoreUserAsync", (db, ct) => db.RestoreUserAsync(Owner, ct)),
        ("SaveNoteAsync", (db, ct) => db.SaveNoteAsync(s.Note, ct)),
        ("LoadNoteAsync", (db, ct) => db.LoadNoteAsync(s.Note.NoteId, ct)),
        ("GetProjectNotesAsync", (db, ct) => db.GetProjectNotesAsync(ProjectId, ct)),
        ("CountProjectNotesAsync", (db, ct) => db.CountProjectNotesAsync(ProjectId, ct)),
        ("DeleteNoteAsync", (db, ct) => db.DeleteNoteAsync("absent-note", ct)),
        ("SaveKnowledgeDocumentAsync", (db, ct) => db.SaveKnowledgeDocumentAsync(s.Document, ct)),
        ("LoadKnowledgeDocumentAsync", (db, ct) => db.LoadKnowledgeDocumentAsync(s.Document.Id, ct)),
        ("GetProjectKnowledgeDocumentsAsync", (db, ct) => db.GetProjectKnowledgeDocumentsAsync(ProjectId, ct)),
        ("GetProjectEmbeddingsAsync", (db, ct) => db.GetProjectEmbeddingsAsync(ProjectId, ct)),
        ("DeleteKnowledgeDocumentAsync", (db, ct) => db.DeleteKnowledgeDocumentAsync("absent-document", ct)),
        ("ExistsKnowledgeDocumentAsync", (db, ct) => db.ExistsKnowledgeDocumentAsync(s.Document.Id, ct)),
        ("SaveQuestionEffectivenessAsync", (db, ct) => db.SaveQuestionEffectivenessAsync(s.Effectiveness, ct)),
        ("LoadQuestionEffectivenessAsync", (db, ct) => db.LoadQuestionEffectivenessAsync(Owner, s.Effectiveness.QuestionTemplateId, ct)),
        ("GetUserQuestionEffectivenessAsync", (db, ct) => db.GetUserQuestionEffectivenessAsync(Owner, ct)),
        ("DeleteQuestionEffectivenessAsync", (db, ct) => db.DeleteQuestionEffectivenessAsync("absent-qe", ct)),
        ("SaveBehaviorPatternAsync", (db, ct) => db.SaveBehaviorPatternAsync(s.Pattern, ct)),
        ("LoadBehaviorPatternAsync", (db, ct) => db.LoadBehaviorPatternAsync(Owner, s.Pattern.PatternType, ct)),
        ("GetUserBehaviorPatternsAsync", (db, ct) => db.GetUserBehaviorPatternsAsync(Owner, ct)),
        ("DeleteBehaviorPatternAsync", (db, ct) => db.DeleteBehaviorPatternAsync("absent-pattern", ct)),
        ("SaveLlmProviderConfigAsync", (db, ct) => db.SaveLlmProviderConfigAsync(s.Config, ct)),
        ("LoadLlmProviderConfigAsync", (db, ct) => db.LoadLlmProviderConfigAsync(Owner, "claude", ct)),
        ("GetUserLlmProviderConfigsAsync", (db, ct) => db.GetUserLlmProviderConfigsAsync(Owner, ct)),
        ("DeleteLlmProviderConfigAsync", (db, ct) => db.DeleteLlmProviderConfigAsync("absent-config", ct)),
        ("SaveApiKeyAsync", (db, ct) => db.SaveApiKeyAsync(s.Key, ct)),
        ("LoadApiKeyAsync", (db, ct) => db.LoadApiKeyAsync(Owner, "claude", ct)),
        ("GetUserApiKeysAsync", (db, ct) => db.GetUserApiKeysAsync(Owner, ct)),
        ("DeleteApiKeyAsync", (db, ct) => db.DeleteApiKeyAsync(Owner, "absent-provider", ct)),
        ("SaveLlmUsageAsync", (db, ct) => db.SaveLlmUsageAsync(s.Generator.Usage(Owner), ct)),
        ("GetUserLlmUsageAsync", (db, ct) => db.GetUserLlmUsageAsync(Owner, null, null, 100, ct)),
        ("CountUserLlmUsageAsync", (db, ct) => db.CountUserLlmUsageAsync(Owner, null, null, ct)),
    ];

    /// <summary>The public operations found by reflection (instance methods declared by the class, except disposal).</summary>
    public static IReadOnlyList<string> PublicOperations() =>
        typeof(AsyncProjectDatabase)
            .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name != nameof(AsyncProjectDatabase.DisposeAsync) && m.Name != nameof(AsyncProjectDatabase.Dispose))
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    internal sealed record Seeded(
        SocratesDataGenerator Generator,
        User User,
        ProjectContext Project,
        ProjectNote Note,
        KnowledgeBaseDocument Document,
        QuestionEffectiveness Effectiveness,
        UserBehaviorPattern Pattern,
        LlmProviderConfig Config,
        ApiKey Key,
        LlmUsageRecord Usage);
}
