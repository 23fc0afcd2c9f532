namespace Socrates.Core.Domain.Comparison;

/// <summary>Compares two projects; optionally ignoring the conversation history (lazy loads).</summary>
public static class ProjectDiff
{
    /// <summary>Every differing field path between <paramref name="expected"/> and <paramref name="actual"/>.</summary>
    public static IReadOnlyList<string> Compare(ProjectContext expected, ProjectContext actual, bool includeConversationHistory = true)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = EntityComparer.Diff(expected, actual).ToList();
        if (!includeConversationHistory)
        {
            differences.RemoveAll(d => d.StartsWith(nameof(ProjectContext.ConversationHistory), StringComparison.Ordinal));
        }

        return differences;
    }
}
