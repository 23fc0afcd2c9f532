namespace Socrates.Core.Search;

/// <summary>Which entries a query may return.</summary>
public readonly record struct ScopeFilter
{
    private ScopeFilter(ScopeFilterKind kind, string? projectId)
    {
        Kind = kind;
        ProjectId = projectId;
    }

    public ScopeFilterKind Kind { get; }

    public string? ProjectId { get; }

    public static ScopeFilter All { get; } = new(ScopeFilterKind.All, null);

    public static ScopeFilter GlobalOnly { get; } = new(ScopeFilterKind.GlobalOnly, null);

    public static ScopeFilter ProjectOnly(string projectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        return new(ScopeFilterKind.ProjectOnly, projectId);
    }

    public static ScopeFilter ProjectAndGlobal(string projectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        return new(ScopeFilterKind.ProjectAndGlobal, projectId);
    }

    public bool IsUnfiltered => Kind == ScopeFilterKind.All;

    public bool Matches(KnowledgeScope scope, string? projectId) => Kind switch
    {
        ScopeFilterKind.All => true,
        ScopeFilterKind.GlobalOnly => scope == KnowledgeScope.Global,
        ScopeFilterKind.ProjectOnly => scope == KnowledgeScope.Project && string.Equals(projectId, ProjectId, StringComparison.Ordinal),
        ScopeFilterKind.ProjectAndGlobal => scope == KnowledgeScope.Global
            || (scope == KnowledgeScope.Project && string.Equals(projectId, ProjectId, StringComparison.Ordinal)),
        _ => throw new InvalidOperationException($"Unknown scope filter kind {Kind}."),
    };

    public override string ToString() => ProjectId is null ? Kind.ToString() : $"{Kind}({ProjectId})";
}
