using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;
using Socrates.Core.V2.Faults;

namespace Socrates.Core.V2.Validation;

/// <summary>
/// Checks input before any SQL runs. Rules (limits from <see cref="AsyncDatabaseOptions"/>):
/// identifiers (ids, usernames, providers) are 1..MaxIdLength characters with no control
/// characters (NUL included) and no leading/trailing whitespace; names are 1..MaxNameLength with
/// no control characters; phase and status are in their enums; progress is 0..100; free text,
/// message and document content, list lengths and serialised JSON fields have size limits.
/// Free text may hold anything else, SQL-looking text included: it is data, stored verbatim.
/// The first problem found is thrown as <see cref="ValidationException"/> naming the field.
/// </summary>
internal sealed class InputValidator(AsyncDatabaseOptions options)
{
    // Every violation leaves through one exit, where its canary can let it pass (ValidationFaults).
    private static void Reject(ValidationException violation) => ValidationFaults.Enforce(violation);

    public void Identifier(string operation, string field, string? value)
    {
        if (value is null)
        {
            throw new ValidationException(operation, null, field, "is required (null given).");
        }

        if (value.Length == 0 || value.Length > options.MaxIdLength)
        {
            Reject(new ValidationException(operation, Shorten(value), field, $"length {value.Length} is outside 1..{options.MaxIdLength}."));
        }

        var control = IndexOfControl(value);
        if (control >= 0)
        {
            Reject(new ValidationException(operation, Shorten(value), field, $"contains control character U+{(int)value[control]:X4} at index {control}."));
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            Reject(new ValidationException(operation, Shorten(value), field, "has leading or trailing whitespace."));
        }
    }

    public void OptionalIdentifier(string operation, string field, string? value)
    {
        if (value is not null)
        {
            Identifier(operation, field, value);
        }
    }

    public void Name(string operation, string? key, string field, string? value)
    {
        if (value is null)
        {
            throw new ValidationException(operation, key, field, "is required (null given).");
        }

        if (value.Length == 0 || value.Length > options.MaxNameLength)
        {
            Reject(new ValidationException(operation, key, field, $"length {value.Length} is outside 1..{options.MaxNameLength}."));
        }

        var control = IndexOfControl(value);
        if (control >= 0)
        {
            Reject(new ValidationException(operation, key, field, $"contains control character U+{(int)value[control]:X4} at index {control}."));
        }
    }

    public void Text(string operation, string? key, string field, string? value, int? limit = null)
    {
        var max = limit ?? options.MaxTextLength;
        if (value is not null && value.Length > max)
        {
            Reject(new ValidationException(operation, key, field, $"length {value.Length} exceeds the limit of {max}."));
        }
    }

    public void Count(string operation, string? key, string field, int count)
    {
        if (count > options.MaxListItems)
        {
            Reject(new ValidationException(operation, key, field, $"{count} items exceed the limit of {options.MaxListItems}."));
        }
    }

    public void TextList(string operation, string? key, string field, List<string>? values)
    {
        if (values is null)
        {
            throw new ValidationException(operation, key, field, "is required (null given).");
        }

        Count(operation, key, field, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                throw new ValidationException(operation, key, $"{field}[{i}]", "is null.");
            }

            Text(operation, key, $"{field}[{i}]", values[i]);
        }
    }

    public void IdentifierList(string operation, string? key, string field, List<string>? values)
    {
        if (values is null)
        {
            throw new ValidationException(operation, key, field, "is required (null given).");
        }

        Count(operation, key, field, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            Identifier(operation, $"{field}[{i}]", values[i]);
        }
    }

    /// <summary>Serialises a free-form field (validating its size) and returns the JSON.</summary>
    public string? Json(string operation, string? key, string field, object? value)
    {
        string? json;
        try
        {
            json = PyJson.SerializeNullable(value);
        }
        catch (NotSupportedException error)
        {
            throw new ValidationException(operation, key, field, error.Message);
        }

        if (json is not null && json.Length > options.MaxJsonLength)
        {
            Reject(new ValidationException(operation, key, field, $"serialised size {json.Length} exceeds the limit of {options.MaxJsonLength}."));
        }

        return json;
    }

    public static void Finite(string operation, string? key, string field, double value)
    {
        if (double.IsNaN(value))
        {
            Reject(new ValidationException(operation, key, field, "is NaN, which SQLite cannot store in a typed column."));
        }
    }

    public void Page(string operation, string? key, int offset, int limit)
    {
        if (offset < 0)
        {
            Reject(new ValidationException(operation, key, "offset", $"{offset} is negative."));
        }

        if (limit < 1 || limit > options.MaxPageSize)
        {
            Reject(new ValidationException(operation, key, "limit", $"{limit} is outside 1..{options.MaxPageSize}."));
        }
    }

    public static void Time(string operation, string? key, string field, DateTime value)
    {
        if (value.Ticks % 10 != 0)
        {
            Reject(new ValidationException(operation, key, field, "has sub-microsecond precision that V1 and V2 cannot store."));
        }
    }

    public static void Time(string operation, string? key, string field, DateTime? value)
    {
        if (value is { } v)
        {
            Time(operation, key, field, v);
        }
    }

    public void Project(string operation, ProjectContext? project)
    {
        if (project is null)
        {
            throw new ValidationException(operation, null, "project", "is required (null given).");
        }

        Identifier(operation, "project_id", project.ProjectId);
        var key = project.ProjectId;
        Name(operation, key, "name", project.Name);
        Identifier(operation, "owner", project.Owner);
        if (!Enum.IsDefined(project.Phase))
        {
            Reject(new ValidationException(operation, key, "phase", $"'{project.Phase}' is not one of {string.Join(", ", PhaseNames.All)}."));
        }

        if (!ProjectStatuses.IsValid(project.Status))
        {
            Reject(new ValidationException(operation, key, "status", $"'{project.Status}' is not one of {string.Join(", ", ProjectStatuses.All)}."));
        }

        if (project.Progress is < 0 or > 100)
        {
            Reject(new ValidationException(operation, key, "progress", $"{project.Progress} is outside 0..100."));
        }

        Time(operation, key, "created_at", project.CreatedAt);
        Time(operation, key, "updated_at", project.UpdatedAt);
        Time(operation, key, "archived_at", project.ArchivedAt);
        Time(operation, key, "repository_imported_at", project.RepositoryImportedAt);
        foreach (var (field, value) in new[]
        {
            ("description", project.Description), ("goals", project.Goals), ("team_structure", project.TeamStructure),
            ("language_preferences", project.LanguagePreferences), ("deployment_target", project.DeploymentTarget),
            ("code_style", project.CodeStyle), ("chat_mode", project.ChatMode), ("project_type", project.ProjectType),
            ("system_project_type", project.SystemProjectType), ("repository_url", project.RepositoryUrl),
            ("repository_owner", project.RepositoryOwner), ("repository_name", project.RepositoryName),
            ("repository_description", project.RepositoryDescription), ("repository_language", project.RepositoryLanguage),
        })
        {
            Text(operation, key, field, value);
        }

        TextList(operation, key, "requirements", project.Requirements);
        TextList(operation, key, "tech_stack", project.TechStack);
        TextList(operation, key, "constraints", project.Constraints);
        IdentifierList(operation, key, "collaborators", project.Collaborators);
        Count(operation, key, "team_members", project.TeamMembers?.Count ?? 0);
        for (var i = 0; i < (project.TeamMembers?.Count ?? 0); i++)
        {
            var member = project.TeamMembers![i];
            Identifier(operation, $"team_members[{i}].username", member.Username);
            Text(operation, key, $"team_members[{i}].role", member.Role);
            TextList(operation, key, $"team_members[{i}].skills", member.Skills);
            Time(operation, key, $"team_members[{i}].joined_at", member.JoinedAt);
        }

        if (!project.ConversationHistoryLoaded && project.ConversationHistory.Count > 0)
        {
            Reject(new ValidationException(operation, key, "conversation_history",
                "holds messages but was not loaded (lazy load); append them with AppendMessageAsync or load the project in full."));
        }

        Count(operation, key, "conversation_history", project.ConversationHistory.Count);
        for (var i = 0; i < project.ConversationHistory.Count; i++)
        {
            Message(operation, key, $"conversation_history[{i}]", project.ConversationHistory[i]);
        }

        Finite(operation, key, "overall_maturity", project.OverallMaturity);
        foreach (var (phase, score) in project.PhaseMaturityScores)
        {
            Text(operation, key, "phase_maturity_scores key", phase, options.MaxNameLength);
            Finite(operation, key, $"phase_maturity_scores['{phase}']", score);
        }

        foreach (var (phase, scores) in project.CategoryScores)
        {
            Text(operation, key, "category_scores key", phase, options.MaxNameLength);
            foreach (var (category, score) in scores)
            {
                Text(operation, key, $"category_scores['{phase}'] key", category, options.MaxNameLength);
                Finite(operation, key, $"category_scores['{phase}']['{category}']", score);
            }
        }
    }

    public void Message(string operation, string? key, string field, ConversationMessage? message)
    {
        if (message is null)
        {
            throw new ValidationException(operation, key, field, "is null.");
        }

        Text(operation, key, $"{field}.content", message.Content, options.MaxMessageLength);
        Text(operation, key, $"{field}.role", message.Role, options.MaxNameLength);
        Text(operation, key, $"{field}.type", message.Type, options.MaxNameLength);
        Text(operation, key, $"{field}.phase", message.Phase, options.MaxNameLength);
        Time(operation, key, $"{field}.timestamp", message.Timestamp);
        if (message.PresentKeys is < MessageKeys.None or > MessageKeys.All)
        {
            Reject(new ValidationException(operation, key, $"{field}.present_keys", $"{(int)message.PresentKeys} is not a set of known keys."));
        }
    }

    private static int IndexOfControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
