using System.Collections.Immutable;

namespace Socrates.Core.Search;

/// <summary>How many indexed entries each scope holds: what the IVF planner reads to judge a filter's selectivity.</summary>
internal sealed record ScopeCounts(int Global, ImmutableDictionary<string, int> Projects)
{
    public static ScopeCounts Empty { get; } = new(0, ImmutableDictionary.Create<string, int>(StringComparer.Ordinal));

    public static ScopeCounts From(IEnumerable<VectorRecord> records) =>
        records.Aggregate(Empty, (counts, r) => counts.Add(r.Scope, r.ProjectId));

    public ScopeCounts Add(KnowledgeScope scope, string? projectId) => Shift(scope, projectId, +1);

    public ScopeCounts Remove(KnowledgeScope scope, string? projectId) => Shift(scope, projectId, -1);

    /// <summary>Entries <paramref name="filter"/> admits, given <paramref name="total"/> entries in all.</summary>
    public int Matching(ScopeFilter filter, int total) => filter.Kind switch
    {
        ScopeFilterKind.All => total,
        ScopeFilterKind.GlobalOnly => Global,
        ScopeFilterKind.ProjectOnly => Projects.GetValueOrDefault(filter.ProjectId!),
        ScopeFilterKind.ProjectAndGlobal => Global + Projects.GetValueOrDefault(filter.ProjectId!),
        _ => total,
    };

    private ScopeCounts Shift(KnowledgeScope scope, string? projectId, int delta)
    {
        if (scope == KnowledgeScope.Global || projectId is null)
        {
            return this with { Global = Global + delta };
        }

        var n = Projects.GetValueOrDefault(projectId) + delta;
        return this with { Projects = n == 0 ? Projects.Remove(projectId) : Projects.SetItem(projectId, n) };
    }
}
