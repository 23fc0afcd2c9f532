using Socrates.Core.Domain;

namespace Socrates.Benchmarks.Fixtures;

/// <summary>
/// Reads every field of a loaded project (a checksum of lengths and values), so a benchmark
/// pays for whatever a lazy representation would defer, and the JIT cannot drop the load.
/// </summary>
public static class Touch
{
    /// <summary>Every field but the conversation history.</summary>
    public static long Metadata(ProjectContext project)
    {
        ArgumentNullException.ThrowIfNull(project);
        long sum = Len(project.ProjectId) + Len(project.Name) + Len(project.Owner) + (int)project.Phase
            + project.CreatedAt.Ticks + project.UpdatedAt.Ticks + Len(project.Description) + Len(project.Goals)
            + Len(project.TeamStructure) + Len(project.LanguagePreferences) + Len(project.DeploymentTarget)
            + Len(project.CodeStyle) + Len(project.ChatMode) + Len(project.Status) + Len(project.ProjectType)
            + (project.IsArchived ? 1 : 0) + (project.ArchivedAt?.Ticks ?? 0) + project.Progress
            + (project.IsSystemProject ? 1 : 0) + Len(project.SystemProjectType)
            + project.PendingQuestions.Count + project.Notes.Count + project.CodeHistory.Count
            + (long)project.OverallMaturity + project.CategorizedSpecs.Count + project.MaturityHistory.Count
            + project.AnalyticsMetrics.Count + (project.LlmConfiguration?.Count ?? 0)
            + Len(project.RepositoryUrl) + Len(project.RepositoryOwner) + Len(project.RepositoryName)
            + Len(project.RepositoryDescription) + Len(project.RepositoryLanguage)
            + (project.RepositoryImportedAt?.Ticks ?? 0) + project.RepositoryFileCount
            + (project.RepositoryHasTests ? 1 : 0) + project.Extras.Count;
        sum += project.Collaborators.Sum(Len) + project.Requirements.Sum(Len) + project.TechStack.Sum(Len) + project.Constraints.Sum(Len);
        sum += project.TeamMembers.Sum(m => Len(m.Username) + Len(m.Role) + m.Skills.Sum(Len) + (m.JoinedAt?.Ticks ?? 0));
        sum += project.PhaseMaturityScores.Sum(p => Len(p.Key) + (long)(p.Value * 1000));
        sum += project.CategoryScores.Sum(c => Len(c.Key) + c.Value.Sum(s => Len(s.Key) + (long)(s.Value * 1000)));
        return sum;
    }

    /// <summary>Every field, every message included.</summary>
    public static long All(ProjectContext project)
    {
        var sum = Metadata(project);
        foreach (var message in project.ConversationHistory)
        {
            sum += Len(message.Role) + Len(message.Type) + Len(message.Content) + (message.Timestamp?.Ticks ?? 0)
                + Len(message.Phase) + message.Extras.Count;
        }

        return sum;
    }

    private static long Len(string? text) => text?.Length ?? 0;
}
