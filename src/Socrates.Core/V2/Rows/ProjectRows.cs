using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;

namespace Socrates.Core.V2.Rows;

/// <summary>Maps projects to rows and back (the statements are in <see cref="ProjectSql"/>).</summary>
internal static class ProjectRows
{
    /// <summary>Reads the rows of <see cref="ProjectSql.Select"/>: one project per row, children from its JSON columns.</summary>
    public static List<ProjectContext> Read(SqliteDataReader reader)
    {
        var projects = new List<ProjectContext>();
        while (reader.Read())
        {
            var project = ReadMain(reader);
            project.Requirements = Strings(reader.GetString(38));
            project.TechStack = Strings(reader.GetString(39));
            project.Constraints = Strings(reader.GetString(40));
            project.Collaborators = Strings(reader.GetString(41));
            ReadTeam(reader.GetString(42), project.TeamMembers);
            ReadScores(reader.GetString(43), reader.GetString(44), project);
            projects.Add(project);
        }

        return projects;
    }

    private static List<string> Strings(string json)
    {
        using var document = JsonDocument.Parse(json);
        var list = new List<string>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            list.Add(item.GetString()!);
        }

        return list;
    }

    private static void ReadTeam(string json, List<TeamMember> members)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var joined = row[3].GetString();
            members.Add(new TeamMember
            {
                Username = row[0].GetString()!,
                Role = row[1].GetString(),
                Skills = Strings(row[2].GetString()!),
                JoinedAt = joined is null ? null : PyDateTime.Parse(joined),
                Extras = PyJson.DeserializeDict(row[4].GetString()!),
            });
        }
    }

    private static void ReadScores(string phaseJson, string categoryJson, ProjectContext project)
    {
        using (var phases = JsonDocument.Parse(phaseJson))
        {
            foreach (var row in phases.RootElement.EnumerateArray())
            {
                project.PhaseMaturityScores[row[0].GetString()!] = ParseQuotedReal(row[1].GetString()!);
            }
        }

        using var categories = JsonDocument.Parse(categoryJson);
        foreach (var row in categories.RootElement.EnumerateArray())
        {
            var phase = row[0].GetString()!;
            if (!project.CategoryScores.TryGetValue(phase, out var scores))
            {
                scores = new Dictionary<string, double>(StringComparer.Ordinal);
                project.CategoryScores[phase] = scores;
            }

            scores[row[1].GetString()!] = ParseQuotedReal(row[2].GetString()!);
        }
    }

    /// <summary>Parses SQLite's <c>quote()</c> of a REAL (shortest round-trip text, or %.20e).</summary>
    private static double ParseQuotedReal(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static ProjectContext ReadMain(SqliteDataReader r)
    {
        var project = new ProjectContext
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
            ConversationHistoryLoaded = false,
        };

        // Free-form fields: checked well-formed now (corruption is a typed error of this load),
        // decoded when first read.
        project.SetFreeFormJson(FreeFormField.PendingQuestions, PyJson.CheckWellFormed(r.GetString(30)));
        project.SetFreeFormJson(FreeFormField.Notes, PyJson.CheckWellFormed(r.GetString(31)));
        project.SetFreeFormJson(FreeFormField.CodeHistory, PyJson.CheckWellFormed(r.GetString(32)));
        project.SetFreeFormJson(FreeFormField.CategorizedSpecs, PyJson.CheckWellFormed(r.GetString(33)));
        project.SetFreeFormJson(FreeFormField.MaturityHistory, PyJson.CheckWellFormed(r.GetString(34)));
        project.SetFreeFormJson(FreeFormField.AnalyticsMetrics, PyJson.CheckWellFormed(r.GetString(35)));
        project.SetFreeFormJson(FreeFormField.LlmConfiguration, r.IsDBNull(36) ? null : PyJson.CheckWellFormed(r.GetString(36)));
        project.SetFreeFormJson(FreeFormField.Extras, PyJson.CheckWellFormed(r.GetString(37)));
        return project;
    }

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
        .With("$description", p.Description)
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
        .With("$extra_json", m.Extras.Count == 0 ? EmptyDictJson : PyJson.Serialize(m.Extras));

    /// <summary>What <see cref="PyJson.Serialize"/> writes for an empty dict (most messages' extras), without the writer.</summary>
    public const string EmptyDictJson = "{}";
}
