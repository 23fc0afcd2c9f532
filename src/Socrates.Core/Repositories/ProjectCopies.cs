using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.Pickle;

namespace Socrates.Core.Repositories;

/// <summary>Deep copies and summaries of projects, so no caller ever shares an instance with a cache.</summary>
internal static class ProjectCopies
{
    /// <summary>
    /// A deep copy through the V1 representation (dict, pickled and unpickled): every free-form
    /// value is rebuilt, nothing is shared with <paramref name="project"/>. Storage-only fields are
    /// carried over.
    /// </summary>
    public static ProjectContext DeepCopy(ProjectContext project)
    {
        var bytes = PickleEncoder.Encode(ProjectContextDict.ToDict(project));
        var dict = (Dictionary<string, object?>)PickleDecoder.Decode(bytes)!;
        var copy = ProjectContextDict.FromDict(dict);
        copy.Version = project.Version;
        copy.ConversationHistoryLoaded = project.ConversationHistoryLoaded;
        return copy;
    }

    /// <summary>The summary form of the contract: no conversation history.</summary>
    public static ProjectContext AsSummary(ProjectContext project)
    {
        project.ConversationHistory = [];
        project.ConversationHistoryLoaded = false;
        return project;
    }

    /// <summary>The contract's order of user project lists: created_at, then project id (ordinal).</summary>
    public static List<ProjectContext> InContractOrder(IEnumerable<ProjectContext> projects) =>
        projects.OrderBy(p => p.CreatedAt).ThenBy(p => p.ProjectId, StringComparer.Ordinal).ToList();
}
