namespace Socrates.Core.Search;

/// <summary>
/// A piece of knowledge to search: a project-scoped entry names its project, a global one names
/// none (the same rule the store's CHECK constraint enforces).
/// </summary>
public sealed record KnowledgeEntry
{
    public KnowledgeEntry(string id, string content, string category, KnowledgeScope scope, string? projectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(category);
        if (scope == KnowledgeScope.Project && string.IsNullOrWhiteSpace(projectId))
        {
            throw new ArgumentException($"Knowledge entry '{id}' has project scope but no project id.", nameof(projectId));
        }

        if (scope == KnowledgeScope.Global && projectId is not null)
        {
            throw new ArgumentException($"Knowledge entry '{id}' is global but names project '{projectId}'.", nameof(projectId));
        }

        Id = id;
        Content = content;
        Category = category;
        Scope = scope;
        ProjectId = projectId;
    }

    public string Id { get; }

    public string Content { get; init; }

    public string Category { get; init; }

    public KnowledgeScope Scope { get; }

    public string? ProjectId { get; }
}
