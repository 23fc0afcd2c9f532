using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;
using Socrates.Core.Failpoints;

namespace Socrates.Core.V2.Rows;

/// <summary>Maps projects to rows and back (the statements are in <see cref="ProjectSql"/>).</summary>
internal static class ProjectRows
{
    /// <summary>Reads the four result sets of <see cref="ProjectSql.LoadOne"/> / <see cref="ProjectSql.LoadForUser"/>.</summary>
    public static List<ProjectContext> Read(SqliteDataReader reader)
    {
        var projects = new List<ProjectContext>();
        var byId = new Dictionary<string, ProjectContext>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var project = ReadMain(reader);
            projects.Add(project);
            byId[project.ProjectId] = project;
        }

        reader.NextResult();
        while (reader.Read())
        {
            var project = byId[reader.GetString(0)];
            var list = reader.GetInt64(1) switch
            {
                0 => project.Requirements,
                1 => project.TechStack,
                2 => project.Constraints,
                _ => project.Collaborators,
            };
            list.Add(reader.GetString(3));
        }

        reader.NextResult();
        while (reader.Read())
        {
            byId[reader.GetString(0)].TeamMembers.Add(new TeamMember
            {
                Username = reader.GetString(2),
                Role = reader.Text(3),
                Skills = reader.JsonStrings(4),
                JoinedAt = reader.Time(5),
                Extras = reader.JsonDict(6),
            });
        }

        reader.NextResult();
        while (reader.Read())
        {
            var project = byId[reader.GetString(0)];
            var phase = reader.GetString(3);
            if (reader.GetInt64(1) == 0)
            {
                project.PhaseMaturityScores[phase] = reader.GetDouble(5);
            }
            else
            {
                if (!project.CategoryScores.TryGetValue(phase, out var scores))
                {
                    scores = new Dictionary<string, double>(StringComparer.Ordinal);
                    project.CategoryScores[phase] = scores;
                }

                scores[reader.GetString(4)] = reader.GetDouble(5);
            }
        }

        return projects;
    }

    private static ProjectContext ReadMain(SqliteDataReader r) => new()
    {
        ProjectId = r.GetString(0),
        Owner = r.GetString(1),
        Name = r.GetString(2),
        Phase = PhaseNames.Parse(r.GetString(3)),
        Status = r.GetString(4),
        Progress = r.GetInt64(5),
        IsArchived = r.Flag(6),
        ArchivedAt = r.Time(7),
        IsSystemProject = r.Flag(8),
        CreatedAt = r.RequiredTime(9),
        UpdatedAt = r.RequiredTime(10),
        Version = r.GetInt64(11),
        Description = r.Text(12),
        Goals = r.Text(13),
        TeamStructure = r.Text(14),
        LanguagePreferences = r.Text(15),
        DeploymentTarget = r.Text(16),
        CodeStyle = r.Text(17),
        ChatMode = r.Text(18),
        ProjectType = r.Text(19),
        SystemProjectType = r.Text(20),
        OverallMaturity = r.GetDouble(21),
        RepositoryUrl = r.Text(22),
        RepositoryOwner = r.Text(23),
        RepositoryName = r.Text(24),
        RepositoryDescription = r.Text(25),
        RepositoryLanguage = r.Text(26),
        RepositoryImportedAt = r.Time(27),
        RepositoryFileCount = r.GetInt64(28),
        RepositoryHasTests = r.Flag(29),
        PendingQuestions = r.JsonList(30),
        Notes = r.JsonList(31),
        CodeHistory = r.JsonList(32),
        CategorizedSpecs = r.JsonDict(33),
        MaturityHistory = r.JsonList(34),
        AnalyticsMetrics = r.JsonDict(35),
        LlmConfiguration = r.NullableJsonDict(36),
        Extras = r.JsonDict(37),
        ConversationHistoryLoaded = false,
    };

    /// <summary>Binds the <c>projects</c> row parameters of <see cref="ProjectSql.Insert"/> / <see cref="ProjectSql.Update"/>.</summary>
    public static void BindMain(SqliteCommand c, ProjectContext p, long version) => c
        .With("$id", p.ProjectId)
        .With("$owner", p.Owner)
        .With("$name", p.Name)
        .With("$phase", PhaseNames.ToName(p.Phase))
        .With("$status", p.Status)
        .With("$progress", p.Progress)
        .WithBool("$is_archived", p.IsArchived)
        .WithTime("$archived_at", p.ArchivedAt)
        .WithBool("$is_system_project", p.IsSystemProject)
        .WithTime("$created_at", p.CreatedAt)
        .WithTime("$updated_at", p.UpdatedAt)
        .With("$version", version);

    /// <summary>Binds <see cref="ProjectSql.UpsertDetails"/>; the JSON texts were produced (and size-checked) by validation.</summary>
    public static void BindDetails(SqliteCommand c, ProjectContext p, ProjectJson json) => c
        .With("$id", p.ProjectId)
        .With("$description", Failpoint.IsActive(V2Failpoints.SaveDropField) ? null : p.Description)
        .With("$goals", p.Goals)
        .With("$team_structure", p.TeamStructure)
        .With("$language_preferences", p.LanguagePreferences)
        .With("$deployment_target", p.DeploymentTarget)
        .With("$code_style", p.CodeStyle)
        .With("$chat_mode", p.ChatMode)
        .With("$project_type", p.ProjectType)
        .With("$system_project_type", p.SystemProjectType)
        .With("$overall_maturity", p.OverallMaturity)
        .With("$repository_url", p.RepositoryUrl)
        .With("$repository_owner", p.RepositoryOwner)
        .With("$repository_name", p.RepositoryName)
        .With("$repository_description", p.RepositoryDescription)
        .With("$repository_language", p.RepositoryLanguage)
        .WithTime("$repository_imported_at", p.RepositoryImportedAt)
        .With("$repository_file_count", p.RepositoryFileCount)
        .WithBool("$repository_has_tests", p.RepositoryHasTests)
        .With("$pending_questions_json", json.PendingQuestions)
        .With("$notes_json", json.Notes)
        .With("$code_history_json", json.CodeHistory)
        .With("$categorized_specs_json", json.CategorizedSpecs)
        .With("$maturity_history_json", json.MaturityHistory)
        .With("$analytics_metrics_json", json.AnalyticsMetrics)
        .With("$llm_configuration_json", json.LlmConfiguration)
        .With("$extras_json", json.Extras);

    public static ConversationMessage ReadMessage(SqliteDataReader r) => new()
    {
        Role = r.Text(1),
        Type = r.Text(2),
        Content = r.Text(3),
        Timestamp = r.Time(4),
        TimestampIsText = r.Flag(5),
        Phase = r.Text(6),
        PresentKeys = (MessageKeys)r.GetInt64(7),
        Extras = r.JsonDict(8),
    };

    public static void BindMessage(SqliteCommand c, string projectId, long position, ConversationMessage m) => c
        .With("$id", projectId)
        .With("$position", position)
        .With("$role", m.Role)
        .With("$type", m.Type)
        .With("$content", m.Content)
        .WithTime("$timestamp", m.Timestamp)
        .WithBool("$timestamp_text", m.TimestampIsText)
        .With("$phase", m.Phase)
        .With("$present_keys", (long)m.PresentKeys)
        .With("$extra_json", PyJson.Serialize(m.Extras));
}
