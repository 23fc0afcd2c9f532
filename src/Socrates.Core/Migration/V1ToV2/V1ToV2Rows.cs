using System.Globalization;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Copying;
using Socrates.Core.V2;
using Socrates.Core.V2.Validation;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Domain entities -> the V2 rows that hold them, stored exactly as <see cref="AsyncProjectDatabase"/>
/// stores them (the same storage formats: <see cref="PyDateTime.ToStorage(DateTime)"/> times, 0/1
/// flags, invariant decimal text, <see cref="PyJson"/> for free-form values), after the same input
/// validation its save methods run (<see cref="InputValidator"/>), so a migrated row loads back through
/// V2 exactly as a saved one.
/// </summary>
internal sealed class V1ToV2Rows(AsyncDatabaseOptions limits)
{
    private const string Op = "MigrateV1";
    private static readonly string s_emptyExtras = PyJson.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal));
    private readonly InputValidator _validate = new(limits);

    public List<TargetRow> User(User u)
    {
        _validate.Identifier(Op, "username", u.Username);
        _validate.Text(Op, u.Username, "email", u.Email, limits.MaxNameLength);
        _validate.Text(Op, u.Username, "passcode_hash", u.PasscodeHash, limits.MaxNameLength);
        _validate.IdentifierList(Op, u.Username, "projects", u.Projects);
        var extras = _validate.Json(Op, u.Username, "extras", u.Extras);
        var rows = new List<TargetRow>(1 + u.Projects.Count)
        {
            TargetRow.Of("users", ("username", u.Username), ("email", u.Email), ("passcode_hash", u.PasscodeHash),
                ("created_at", Time(u.CreatedAt)), ("is_archived", Flag(u.IsArchived)), ("archived_at", Time(u.ArchivedAt)),
                ("subscription_tier", u.SubscriptionTier), ("subscription_status", u.SubscriptionStatus),
                ("subscription_start", Time(u.SubscriptionStart)), ("subscription_end", Time(u.SubscriptionEnd)),
                ("questions_used_this_month", u.QuestionsUsedThisMonth), ("usage_reset_date", Time(u.UsageResetDate)),
                ("testing_mode", Flag(u.TestingMode)), ("claude_auth_method", u.ClaudeAuthMethod), ("extras_json", extras)),
        };
        for (var i = 0; i < u.Projects.Count; i++)
        {
            rows.Add(TargetRow.Of("user_projects", ("username", u.Username), ("position", (long)i), ("project_id", u.Projects[i])));
        }

        return rows;
    }

    public List<TargetRow> Project(ProjectContext p)
    {
        _validate.Project(Op, p);
        var id = p.ProjectId;
        var rows = new List<TargetRow>(8 + p.ConversationHistory.Count)
        {
            TargetRow.Of("projects", ("project_id", id), ("owner", p.Owner), ("name", p.Name), ("phase", PhaseNames.ToName(p.Phase)),
                ("status", p.Status), ("progress", p.Progress), ("is_archived", Flag(p.IsArchived)), ("archived_at", Time(p.ArchivedAt)),
                ("is_system_project", Flag(p.IsSystemProject)), ("created_at", Time(p.CreatedAt)), ("updated_at", Time(p.UpdatedAt)),
                ("version", 1L)),
            TargetRow.Of("project_details", ("project_id", id), ("description", p.Description), ("goals", p.Goals),
                ("team_structure", p.TeamStructure), ("language_preferences", p.LanguagePreferences),
                ("deployment_target", p.DeploymentTarget), ("code_style", p.CodeStyle), ("chat_mode", p.ChatMode),
                ("project_type", p.ProjectType), ("system_project_type", p.SystemProjectType), ("overall_maturity", p.OverallMaturity),
                ("repository_url", p.RepositoryUrl), ("repository_owner", p.RepositoryOwner), ("repository_name", p.RepositoryName),
                ("repository_description", p.RepositoryDescription), ("repository_language", p.RepositoryLanguage),
                ("repository_imported_at", Time(p.RepositoryImportedAt)), ("repository_file_count", p.RepositoryFileCount),
                ("repository_has_tests", Flag(p.RepositoryHasTests)),
                ("pending_questions_json", _validate.Json(Op, id, "pending_questions", p.PendingQuestions)),
                ("notes_json", _validate.Json(Op, id, "notes", p.Notes)),
                ("code_history_json", _validate.Json(Op, id, "code_history", p.CodeHistory)),
                ("categorized_specs_json", _validate.Json(Op, id, "categorized_specs", p.CategorizedSpecs)),
                ("maturity_history_json", _validate.Json(Op, id, "maturity_history", p.MaturityHistory)),
                ("analytics_metrics_json", _validate.Json(Op, id, "analytics_metrics", p.AnalyticsMetrics)),
                ("llm_configuration_json", _validate.Json(Op, id, "llm_configuration", p.LlmConfiguration)),
                ("extras_json", _validate.Json(Op, id, "extras", p.Extras))),
        };
        Values(rows, "project_requirements", "value", id, p.Requirements);
        Values(rows, "project_tech_stack", "value", id, p.TechStack);
        Values(rows, "project_constraints", "value", id, p.Constraints);
        Values(rows, "project_collaborators", "username", id, p.Collaborators);
        for (var i = 0; i < p.TeamMembers.Count; i++)
        {
            var m = p.TeamMembers[i];
            rows.Add(TargetRow.Of("team_members", ("project_id", id), ("position", (long)i), ("username", m.Username), ("role", m.Role),
                ("skills_json", Strings(m.Skills)), ("joined_at", Time(m.JoinedAt)), ("extras_json", PyJson.SerializeNullable(m.Extras))));
        }

        var position = 0L;
        foreach (var (phase, score) in p.PhaseMaturityScores)
        {
            rows.Add(TargetRow.Of("phase_maturity_scores", ("project_id", id), ("position", position++), ("phase", phase), ("score", score)));
        }

        position = 0L;
        foreach (var (phase, scores) in p.CategoryScores)
        {
            foreach (var (category, score) in scores)
            {
                rows.Add(TargetRow.Of("category_scores", ("project_id", id), ("position", position++), ("phase", phase),
                    ("category", category), ("score", score)));
            }
        }

        if (!Failpoint.IsActive(V1ToV2Failpoints.SkipMessages))
        {
            for (var i = 0; i < p.ConversationHistory.Count; i++)
            {
                var m = p.ConversationHistory[i];
                // The hot path (most V2 rows are messages): the row is built in place, and a message
                // without extra keys shares the one serialisation of an empty dict.
                rows.Add(new TargetRow("conversation_messages",
                [
                    new("project_id", id), new("position", (long)i), new("role", m.Role), new("type", m.Type),
                    new("content", m.Content), new("timestamp", Time(m.Timestamp)), new("timestamp_text", Flag(m.TimestampIsText)),
                    new("phase", m.Phase), new("present_keys", (long)m.PresentKeys),
                    new("extra_json", m.Extras.Count == 0 ? s_emptyExtras : PyJson.Serialize(m.Extras)),
                ]));
            }
        }

        return rows;
    }

    public List<TargetRow> Note(ProjectNote n)
    {
        _validate.Identifier(Op, "note_id", n.NoteId);
        _validate.Identifier(Op, "project_id", n.ProjectId);
        _validate.Text(Op, n.NoteId, "title", n.Title, limits.MaxNameLength);
        _validate.Text(Op, n.NoteId, "content", n.Content);
        _validate.Text(Op, n.NoteId, "note_type", n.NoteType, limits.MaxNameLength);
        _validate.OptionalIdentifier(Op, "created_by", n.CreatedBy);
        _validate.TextList(Op, n.NoteId, "tags", n.Tags);
        return
        [
            TargetRow.Of("project_notes", ("note_id", n.NoteId), ("project_id", n.ProjectId), ("title", n.Title), ("content", n.Content),
                ("note_type", n.NoteType), ("created_at", Time(n.CreatedAt)), ("created_by", n.CreatedBy),
                ("tags_json", Strings(n.Tags)), ("extras_json", _validate.Json(Op, n.NoteId, "extras", n.Extras))),
        ];
    }

    public List<TargetRow> Effectiveness(QuestionEffectiveness q)
    {
        _validate.Identifier(Op, "id", q.Id);
        _validate.Identifier(Op, "user_id", q.UserId);
        _validate.Identifier(Op, "question_template_id", q.QuestionTemplateId);
        _validate.Text(Op, q.Id, "role", q.Role, limits.MaxNameLength);
        return
        [
            TargetRow.Of("question_effectiveness", ("id", q.Id), ("user_id", q.UserId), ("question_template_id", q.QuestionTemplateId),
                ("role", q.Role), ("times_asked", q.TimesAsked), ("times_answered_well", q.TimesAnsweredWell),
                ("average_answer_length", q.AverageAnswerLength), ("average_spec_extraction_count", Decimal(q.AverageSpecExtractionCount)),
                ("effectiveness_score", Decimal(q.EffectivenessScore)), ("last_asked_at", Time(q.LastAskedAt)),
                ("created_at", Time(q.CreatedAt)), ("updated_at", Time(q.UpdatedAt)), ("extras_json", _validate.Json(Op, q.Id, "extras", q.Extras))),
        ];
    }

    public List<TargetRow> Pattern(UserBehaviorPattern p)
    {
        _validate.Identifier(Op, "id", p.Id);
        _validate.Identifier(Op, "user_id", p.UserId);
        _validate.Identifier(Op, "pattern_type", p.PatternType);
        _validate.IdentifierList(Op, p.Id, "learned_from_projects", p.LearnedFromProjects);
        return
        [
            TargetRow.Of("behavior_patterns", ("id", p.Id), ("user_id", p.UserId), ("pattern_type", p.PatternType),
                ("pattern_data_json", _validate.Json(Op, p.Id, "pattern_data", p.PatternData)), ("confidence", Decimal(p.Confidence)),
                ("learned_from_projects_json", Strings(p.LearnedFromProjects)), ("learned_at", Time(p.LearnedAt)),
                ("updated_at", Time(p.UpdatedAt)), ("extras_json", _validate.Json(Op, p.Id, "extras", p.Extras))),
        ];
    }

    public List<TargetRow> Document(KnowledgeBaseDocument d)
    {
        _validate.Identifier(Op, "id", d.Id);
        _validate.Identifier(Op, "project_id", d.ProjectId);
        _validate.Identifier(Op, "user_id", d.UserId);
        _validate.Text(Op, d.Id, "filename", d.Filename, limits.MaxNameLength);
        _validate.Text(Op, d.Id, "content", d.Content, limits.MaxDocumentLength);
        var rows = new List<TargetRow>(2)
        {
            TargetRow.Of("knowledge_documents", ("id", d.Id), ("project_id", d.ProjectId), ("user_id", d.UserId), ("filename", d.Filename),
                ("file_size", d.FileSize), ("content_type", d.ContentType), ("content", d.Content), ("uploaded_at", Time(d.UploadedAt)),
                ("extras_json", _validate.Json(Op, d.Id, "extras", d.Extras))),
        };
        if (d.Embedding is not null)
        {
            rows.Add(TargetRow.Of("knowledge_embeddings", ("document_id", d.Id), ("embedding", d.Embedding)));
        }

        return rows;
    }

    public List<TargetRow> ProviderConfig(LlmProviderConfig c)
    {
        _validate.Identifier(Op, "id", c.Id);
        _validate.Identifier(Op, "user_id", c.UserId);
        _validate.Identifier(Op, "provider", c.Provider);
        return
        [
            TargetRow.Of("llm_provider_configs", ("id", c.Id), ("user_id", c.UserId), ("provider", c.Provider), ("is_default", Flag(c.IsDefault)),
                ("enabled", Flag(c.Enabled)), ("created_at", Time(c.CreatedAt)), ("updated_at", Time(c.UpdatedAt)),
                ("settings_json", _validate.Json(Op, c.Id, "settings", c.Settings)), ("extras_json", _validate.Json(Op, c.Id, "extras", c.Extras))),
        ];
    }

    public List<TargetRow> Key(ApiKey k)
    {
        _validate.Identifier(Op, "id", k.Id);
        _validate.Identifier(Op, "user_id", k.UserId);
        _validate.Identifier(Op, "provider", k.Provider);
        _validate.Text(Op, k.Id, "encrypted_key", k.EncryptedKey);
        _validate.Text(Op, k.Id, "key_hash", k.KeyHash);
        return
        [
            TargetRow.Of("api_keys", ("id", k.Id), ("user_id", k.UserId), ("provider", k.Provider), ("encrypted_key", k.EncryptedKey),
                ("key_hash", k.KeyHash), ("created_at", Time(k.CreatedAt)), ("updated_at", Time(k.UpdatedAt)), ("last_used_at", Time(k.LastUsedAt))),
        ];
    }

    public List<TargetRow> Usage(LlmUsageRecord u)
    {
        _validate.Identifier(Op, "id", u.Id);
        _validate.Identifier(Op, "user_id", u.UserId);
        _validate.Identifier(Op, "provider", u.Provider);
        _validate.Identifier(Op, "model", u.Model);
        _validate.Text(Op, u.Id, "error_message", u.ErrorMessage);
        _validate.Text(Op, u.Id, "request_id", u.RequestId, limits.MaxNameLength);
        return
        [
            TargetRow.Of("llm_usage", ("id", u.Id), ("user_id", u.UserId), ("provider", u.Provider), ("model", u.Model),
                ("timestamp", Time(u.Timestamp)), ("input_tokens", u.InputTokens), ("output_tokens", u.OutputTokens),
                ("total_tokens", u.TotalTokens), ("latency_ms", u.LatencyMs), ("cost", u.Cost), ("success", Flag(u.Success)),
                ("error_message", u.ErrorMessage), ("request_id", u.RequestId), ("extras_json", _validate.Json(Op, u.Id, "extras", u.Extras))),
        ];
    }

    private static void Values(List<TargetRow> rows, string table, string column, string id, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            rows.Add(TargetRow.Of(table, ("project_id", id), ("position", (long)i), (column, values[i])));
        }
    }

    private static string? Time(DateTime? value) => PyDateTime.ToStorage(value);

    private static long Flag(bool value) => value ? 1L : 0L;

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Strings(List<string> values) => PyJson.Serialize(values.Cast<object?>().ToList());
}
