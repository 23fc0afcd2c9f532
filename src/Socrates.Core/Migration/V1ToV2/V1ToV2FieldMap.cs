using System.Collections.Frozen;
using Socrates.Core.V1;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// The field map, as data: for every V1 entity (the eight blob tables, the two nested lists of a
/// project, and the api_keys columns) every dict key and the V2 <c>table.column</c> it lands in,
/// or the reason it is dropped. Keys a blob carries that the map does not know go to the
/// entity's <see cref="ExtrasColumns">extras column</see> (the domain keeps them in
/// <c>Extras</c> and writes them back out unchanged), so a drifted blob loses nothing; an
/// entity without an extras column (api_keys) has no such home and an unknown key there stops
/// the migration. <see cref="UnmappedKeyScanner"/> checks every key of every blob against this
/// map before anything is written.
/// Decisions: <c>collaborators</c> is deprecated in the app but still read (project sharing), so
/// it is kept in <c>project_collaborators</c> in order, not dropped. Nothing is dropped today: the
/// dropped list is empty, and a key may only join it with a reason.
/// </summary>
public static class V1ToV2FieldMap
{
    /// <summary>Sub-entity name of a project's <c>conversation_history</c> items.</summary>
    public const string Messages = "projects.conversation_history[]";

    /// <summary>Sub-entity name of a project's <c>team_members</c> items.</summary>
    public const string TeamMembers = "projects.team_members[]";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, FieldTarget>> s_map = Build();

    /// <summary>The entities of the map: the V1 tables and the two nested lists.</summary>
    public static IReadOnlyCollection<string> Entities => s_map.Keys;

    /// <summary>Entity -> the column unknown keys are preserved in (absent: unknown keys stop the migration).</summary>
    public static IReadOnlyDictionary<string, string> ExtrasColumns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [V1Schema.Users] = "users.extras_json",
        [V1Schema.Projects] = "project_details.extras_json",
        [Messages] = "conversation_messages.extra_json",
        [TeamMembers] = "team_members.extras_json",
        [V1Schema.ProjectNotes] = "project_notes.extras_json",
        [V1Schema.QuestionEffectiveness] = "question_effectiveness.extras_json",
        [V1Schema.BehaviorPatterns] = "behavior_patterns.extras_json",
        [V1Schema.KnowledgeDocuments] = "knowledge_documents.extras_json",
        [V1Schema.LlmProviderConfigs] = "llm_provider_configs.extras_json",
        [V1Schema.LlmUsage] = "llm_usage.extras_json",
    };

    /// <summary>Every entry of <paramref name="entity"/>.</summary>
    public static IReadOnlyCollection<FieldTarget> EntriesOf(string entity) =>
        s_map.TryGetValue(entity, out var entries) ? entries.Values : throw new ArgumentException($"'{entity}' is not in the field map; it knows {string.Join(", ", s_map.Keys)}.", nameof(entity));

    /// <summary>The target of <paramref name="key"/> in <paramref name="entity"/>, or null when the map does not list it.</summary>
    public static FieldTarget? Find(string entity, string key)
    {
        if (key == "conversation_history" && entity == V1Schema.Projects && Failpoints.Failpoint.IsActive(V1ToV2Failpoints.ForgetConversationHistory))
        {
            return null;
        }

        return s_map.TryGetValue(entity, out var entries) && entries.TryGetValue(key, out var target) ? target : null;
    }

    /// <summary>Keys deliberately dropped from <paramref name="entity"/>.</summary>
    public static IReadOnlySet<string> DroppedKeys(string entity) =>
        EntriesOf(entity).Where(e => e.IsDropped).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, FrozenDictionary<string, FieldTarget>> Build()
    {
        var map = new Dictionary<string, Dictionary<string, FieldTarget>>(StringComparer.Ordinal)
        {
            [V1Schema.Users] = Same("users",
                "username", "email", "passcode_hash", "created_at", "is_archived", "archived_at", "subscription_tier",
                "subscription_status", "subscription_start", "subscription_end", "questions_used_this_month",
                "usage_reset_date", "testing_mode", "claude_auth_method")
                .With("projects", "user_projects", "project_id (one row per item, position = index)"),
            [V1Schema.Projects] = Same("projects",
                "project_id", "name", "owner", "phase", "created_at", "updated_at", "status", "is_archived", "archived_at",
                "progress", "is_system_project")
                .Also(Same("project_details",
                    "description", "goals", "team_structure", "language_preferences", "deployment_target", "code_style",
                    "chat_mode", "project_type", "system_project_type", "overall_maturity", "repository_url",
                    "repository_owner", "repository_name", "repository_description", "repository_language",
                    "repository_imported_at", "repository_file_count", "repository_has_tests"))
                .Also(Json("project_details", "pending_questions", "notes", "code_history", "categorized_specs",
                    "maturity_history", "analytics_metrics", "llm_configuration"))
                .With("collaborators", "project_collaborators", "username (position = index)")
                .With("requirements", "project_requirements", "value (position = index)")
                .With("tech_stack", "project_tech_stack", "value (position = index)")
                .With("constraints", "project_constraints", "value (position = index)")
                .With("conversation_history", "conversation_messages", "one row per message (position = index)")
                .With("team_members", "team_members", "one row per member (position = index)")
                .With("phase_maturity_scores", "phase_maturity_scores", "phase, score (position = insertion order)")
                .With("category_scores", "category_scores", "phase, category, score (position = insertion order)"),
            [Messages] = Same("conversation_messages", "role", "type", "content", "timestamp", "phase"),
            [TeamMembers] = Same("team_members", "username", "role", "joined_at").With("skills", "team_members", "skills_json"),
            [V1Schema.ProjectNotes] = Same("project_notes",
                "note_id", "project_id", "title", "content", "note_type", "created_at", "created_by")
                .With("tags", "project_notes", "tags_json"),
            [V1Schema.QuestionEffectiveness] = Same("question_effectiveness",
                "id", "user_id", "question_template_id", "role", "times_asked", "times_answered_well",
                "average_answer_length", "average_spec_extraction_count", "effectiveness_score", "last_asked_at",
                "created_at", "updated_at"),
            [V1Schema.BehaviorPatterns] = Same("behavior_patterns", "id", "user_id", "pattern_type", "confidence", "learned_at", "updated_at")
                .Also(Json("behavior_patterns", "pattern_data", "learned_from_projects")),
            [V1Schema.KnowledgeDocuments] = Same("knowledge_documents",
                "id", "project_id", "user_id", "filename", "file_size", "content_type", "content", "uploaded_at")
                .With("embedding", "knowledge_embeddings", "embedding (row only when not None)"),
            [V1Schema.LlmProviderConfigs] = Same("llm_provider_configs", "id", "provider", "user_id", "is_default", "enabled", "created_at", "updated_at")
                .Also(Json("llm_provider_configs", "settings")),
            [V1Schema.ApiKeys] = Same("api_keys",
                "id", "user_id", "provider", "encrypted_key", "key_hash", "created_at", "updated_at", "last_used_at"),
            [V1Schema.LlmUsage] = Same("llm_usage",
                "id", "user_id", "provider", "model", "timestamp", "input_tokens", "output_tokens", "total_tokens",
                "latency_ms", "cost", "success", "error_message", "request_id"),
        };
        return map.ToFrozenDictionary(e => e.Key, e => e.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static Dictionary<string, FieldTarget> Same(string table, params string[] keys) =>
        keys.ToDictionary(k => k, k => new FieldTarget(k, table, k, null), StringComparer.Ordinal);

    private static Dictionary<string, FieldTarget> Json(string table, params string[] keys) =>
        keys.ToDictionary(k => k, k => new FieldTarget(k, table, k + "_json", null), StringComparer.Ordinal);

    private static Dictionary<string, FieldTarget> With(this Dictionary<string, FieldTarget> entries, string key, string table, string column)
    {
        entries.Add(key, new FieldTarget(key, table, column, null));
        return entries;
    }

    private static Dictionary<string, FieldTarget> Also(this Dictionary<string, FieldTarget> entries, Dictionary<string, FieldTarget> more)
    {
        foreach (var (key, target) in more)
        {
            entries.Add(key, target);
        }

        return entries;
    }
}
