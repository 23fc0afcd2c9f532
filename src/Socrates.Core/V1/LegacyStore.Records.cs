namespace Socrates.Core.V1;

/// <summary>The small blob tables: notes, question effectiveness, behaviour patterns, documents, LLM configs and usage.</summary>
public sealed partial class LegacyStore
{
    public Task SaveNoteAsync(string noteId, string projectId, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noteId);
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(data);
        return SaveAsync(V1Schema.ProjectNotes, noteId,
        [
            ("note_id", noteId),
            ("project_id", projectId),
            ("data", Pickle(V1Schema.ProjectNotes, noteId, data)),
            ("created_at", PyIsoFormat.Column(data, "created_at") ?? Now()),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadNoteAsync(string noteId, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.ProjectNotes, noteId, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetProjectNotesAsync(string projectId, CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.ProjectNotes, "project_id", projectId, cancellationToken);

    public Task<bool> DeleteNoteAsync(string noteId, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.ProjectNotes, noteId, cancellationToken);

    /// <summary>Keyed by <paramref name="id"/>; user_id and question_template_id (UNIQUE together) come from the dict.</summary>
    public Task SaveQuestionEffectivenessAsync(string id, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(data);
        const string table = V1Schema.QuestionEffectiveness;
        var now = Now();
        return SaveAsync(table, id,
        [
            ("id", id),
            ("user_id", Required(table, data, "user_id")),
            ("question_template_id", Required(table, data, "question_template_id")),
            ("data", Pickle(table, id, data)),
            ("created_at", PyIsoFormat.Column(data, "created_at") ?? now),
            ("updated_at", PyIsoFormat.Column(data, "updated_at") ?? now),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadQuestionEffectivenessAsync(string id, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.QuestionEffectiveness, id, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetUserQuestionEffectivenessAsync(string userId, CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.QuestionEffectiveness, "user_id", userId, cancellationToken);

    public Task<bool> DeleteQuestionEffectivenessAsync(string id, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.QuestionEffectiveness, id, cancellationToken);

    /// <summary>Keyed by <paramref name="id"/>; user_id and pattern_type (UNIQUE together) come from the dict.</summary>
    public Task SaveBehaviorPatternAsync(string id, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(data);
        const string table = V1Schema.BehaviorPatterns;
        var now = Now();
        return SaveAsync(table, id,
        [
            ("id", id),
            ("user_id", Required(table, data, "user_id")),
            ("pattern_type", Required(table, data, "pattern_type")),
            ("data", Pickle(table, id, data)),
            ("learned_at", PyIsoFormat.Column(data, "learned_at") ?? now),
            ("updated_at", PyIsoFormat.Column(data, "updated_at") ?? now),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadBehaviorPatternAsync(string id, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.BehaviorPatterns, id, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetUserBehaviorPatternsAsync(string userId, CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.BehaviorPatterns, "user_id", userId, cancellationToken);

    public Task<bool> DeleteBehaviorPatternAsync(string id, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.BehaviorPatterns, id, cancellationToken);

    /// <summary>Keyed by <paramref name="id"/>; project_id and user_id come from the dict.</summary>
    public Task SaveKnowledgeDocumentAsync(string id, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(data);
        const string table = V1Schema.KnowledgeDocuments;
        return SaveAsync(table, id,
        [
            ("id", id),
            ("project_id", Required(table, data, "project_id")),
            ("user_id", Required(table, data, "user_id")),
            ("data", Pickle(table, id, data)),
            ("uploaded_at", PyIsoFormat.Column(data, "uploaded_at") ?? Now()),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadKnowledgeDocumentAsync(string id, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.KnowledgeDocuments, id, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetProjectKnowledgeDocumentsAsync(string projectId, CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.KnowledgeDocuments, "project_id", projectId, cancellationToken);

    public Task<bool> DeleteKnowledgeDocumentAsync(string id, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.KnowledgeDocuments, id, cancellationToken);

    /// <summary>Keyed by <paramref name="id"/>; user_id and provider (UNIQUE together) come from the dict.</summary>
    public Task SaveLlmProviderConfigAsync(string id, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(data);
        const string table = V1Schema.LlmProviderConfigs;
        var now = Now();
        return SaveAsync(table, id,
        [
            ("id", id),
            ("user_id", Required(table, data, "user_id")),
            ("provider", Required(table, data, "provider")),
            ("data", Pickle(table, id, data)),
            ("created_at", PyIsoFormat.Column(data, "created_at") ?? now),
            ("updated_at", PyIsoFormat.Column(data, "updated_at") ?? now),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadLlmProviderConfigAsync(string id, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.LlmProviderConfigs, id, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetUserLlmProviderConfigsAsync(string userId, CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.LlmProviderConfigs, "user_id", userId, cancellationToken);

    public Task<bool> DeleteLlmProviderConfigAsync(string id, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.LlmProviderConfigs, id, cancellationToken);

    /// <summary>Keyed by <paramref name="id"/>; user_id, provider, model, timestamp and cost copied out of the dict.</summary>
    public Task SaveLlmUsageAsync(string id, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(data);
        const string table = V1Schema.LlmUsage;
        object? cost = data.TryGetValue("cost", out var value)
            ? value switch
            {
                double d => d,
                long l => (double)l,
                decimal m => (double)m,
                _ => null,
            }
            : null;
        return SaveAsync(table, id,
        [
            ("id", id),
            ("user_id", Required(table, data, "user_id")),
            ("provider", Required(table, data, "provider")),
            ("model", Required(table, data, "model")),
            ("data", Pickle(table, id, data)),
            ("timestamp", PyIsoFormat.Column(data, "timestamp") ?? Now()),
            ("cost", cost),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadLlmUsageAsync(string id, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.LlmUsage, id, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetUserLlmUsageAsync(string userId, CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.LlmUsage, "user_id", userId, cancellationToken);

    public Task<bool> DeleteLlmUsageAsync(string id, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.LlmUsage, id, cancellationToken);
}
