using Socrates.Core.Domain.Values;

namespace Socrates.Core.Domain.Dicts;

/// <summary>
/// <see cref="ProjectContext"/> &lt;-&gt; the dict <c>asdict(project)</c> gives in Python.
/// Missing keys take the dataclass defaults (see <see cref="ProjectContext"/>'s initialisers;
/// <c>created_at</c>/<c>updated_at</c> missing default to <see cref="DateTime.MinValue"/>);
/// unknown keys go to <see cref="ProjectContext.Extras"/> and come back out unchanged.
/// Free-form values (dicts, lists) are not copied: the entity and the dict share them.
/// </summary>
public static class ProjectContextDict
{
    private const string Entity = "ProjectContext";

    /// <summary>The known keys, in dataclass order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "project_id", "name", "owner", "phase", "created_at", "updated_at", "collaborators",
        "description", "goals", "requirements", "tech_stack", "constraints", "team_structure",
        "language_preferences", "deployment_target", "code_style", "chat_mode", "status",
        "project_type", "conversation_history", "is_archived", "archived_at", "progress",
        "is_system_project", "system_project_type", "team_members", "pending_questions", "notes",
        "code_history", "phase_maturity_scores", "overall_maturity", "category_scores",
        "categorized_specs", "maturity_history", "analytics_metrics", "llm_configuration",
        "repository_url", "repository_owner", "repository_name", "repository_description",
        "repository_language", "repository_imported_at", "repository_file_count",
        "repository_has_tests",
    ];

    public static Dictionary<string, object?> ToDict(ProjectContext project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["project_id"] = project.ProjectId,
            ["name"] = project.Name,
            ["owner"] = project.Owner,
            ["phase"] = PhaseNames.ToName(project.Phase),
            ["created_at"] = project.CreatedAt,
            ["updated_at"] = project.UpdatedAt,
            ["collaborators"] = DictWriter.Strings(project.Collaborators),
            ["description"] = project.Description,
            ["goals"] = project.Goals,
            ["requirements"] = DictWriter.Strings(project.Requirements),
            ["tech_stack"] = DictWriter.Strings(project.TechStack),
            ["constraints"] = DictWriter.Strings(project.Constraints),
            ["team_structure"] = project.TeamStructure,
            ["language_preferences"] = project.LanguagePreferences,
            ["deployment_target"] = project.DeploymentTarget,
            ["code_style"] = project.CodeStyle,
            ["chat_mode"] = project.ChatMode,
            ["status"] = project.Status,
            ["project_type"] = project.ProjectType,
            ["conversation_history"] = project.ConversationHistory.Select(m => (object?)MessageDict.ToDict(m)).ToList(),
            ["is_archived"] = project.IsArchived,
            ["archived_at"] = project.ArchivedAt,
            ["progress"] = project.Progress,
            ["is_system_project"] = project.IsSystemProject,
            ["system_project_type"] = project.SystemProjectType,
            ["team_members"] = project.TeamMembers.Select(m => (object?)TeamMemberDict.ToDict(m)).ToList(),
            ["pending_questions"] = project.PendingQuestions,
            ["notes"] = project.Notes,
            ["code_history"] = project.CodeHistory,
            ["phase_maturity_scores"] = DictWriter.Doubles(project.PhaseMaturityScores),
            ["overall_maturity"] = project.OverallMaturity,
            ["category_scores"] = project.CategoryScores.ToDictionary(
                p => p.Key, p => (object?)DictWriter.Doubles(p.Value), StringComparer.Ordinal),
            ["categorized_specs"] = project.CategorizedSpecs,
            ["maturity_history"] = project.MaturityHistory,
            ["analytics_metrics"] = project.AnalyticsMetrics,
            ["llm_configuration"] = project.LlmConfiguration,
            ["repository_url"] = project.RepositoryUrl,
            ["repository_owner"] = project.RepositoryOwner,
            ["repository_name"] = project.RepositoryName,
            ["repository_description"] = project.RepositoryDescription,
            ["repository_language"] = project.RepositoryLanguage,
            ["repository_imported_at"] = project.RepositoryImportedAt,
            ["repository_file_count"] = project.RepositoryFileCount,
            ["repository_has_tests"] = project.RepositoryHasTests,
        };
        return DictWriter.WithExtras(dict, project.Extras);
    }

    public static ProjectContext FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(Entity, dict);
        var defaults = new ProjectContext();
        var phaseName = r.StringNotNull("phase", PhaseNames.Discovery);
        var project = new ProjectContext
        {
            ProjectId = r.RequiredString("project_id"),
            Name = r.StringNotNull("name", defaults.Name),
            Owner = r.StringNotNull("owner", defaults.Owner),
            Phase = PhaseNames.TryParse(phaseName, out var phase)
                ? phase.Value
                : throw r.Fail("phase", $"'{phaseName}' is not one of {string.Join(", ", PhaseNames.All)}"),
            CreatedAt = r.RequiredDateTime("created_at", DateTime.MinValue),
            UpdatedAt = r.RequiredDateTime("updated_at", DateTime.MinValue),
            Collaborators = r.StringList("collaborators"),
            Description = r.String("description", defaults.Description),
            Goals = r.String("goals", defaults.Goals),
            Requirements = r.StringList("requirements"),
            TechStack = r.StringList("tech_stack"),
            Constraints = r.StringList("constraints"),
            TeamStructure = r.String("team_structure", defaults.TeamStructure),
            LanguagePreferences = r.String("language_preferences", defaults.LanguagePreferences),
            DeploymentTarget = r.String("deployment_target", defaults.DeploymentTarget),
            CodeStyle = r.String("code_style", defaults.CodeStyle),
            ChatMode = r.String("chat_mode", defaults.ChatMode),
            Status = r.StringNotNull("status", defaults.Status),
            ProjectType = r.String("project_type", defaults.ProjectType),
            ConversationHistory = r.DictList("conversation_history").Select(MessageDict.FromDict).ToList(),
            IsArchived = r.Bool("is_archived", false),
            ArchivedAt = r.DateTime("archived_at"),
            Progress = r.Long("progress", 0),
            IsSystemProject = r.Bool("is_system_project", false),
            SystemProjectType = r.String("system_project_type", null),
            TeamMembers = r.DictList("team_members").Select(TeamMemberDict.FromDict).ToList(),
            PendingQuestions = r.List("pending_questions"),
            Notes = r.List("notes"),
            CodeHistory = r.List("code_history"),
            PhaseMaturityScores = r.DoubleDict("phase_maturity_scores"),
            OverallMaturity = r.Double("overall_maturity", 0.0),
            CategoryScores = r.NestedDoubleDict("category_scores"),
            CategorizedSpecs = r.Dict("categorized_specs"),
            MaturityHistory = r.List("maturity_history"),
            AnalyticsMetrics = r.Dict("analytics_metrics"),
            LlmConfiguration = r.NullableDict("llm_configuration"),
            RepositoryUrl = r.String("repository_url", null),
            RepositoryOwner = r.String("repository_owner", null),
            RepositoryName = r.String("repository_name", null),
            RepositoryDescription = r.String("repository_description", null),
            RepositoryLanguage = r.String("repository_language", null),
            RepositoryImportedAt = r.DateTime("repository_imported_at"),
            RepositoryFileCount = r.Long("repository_file_count", 0),
            RepositoryHasTests = r.Bool("repository_has_tests", false),
        };
        project.Extras = r.Extras();
        return project;
    }
}
