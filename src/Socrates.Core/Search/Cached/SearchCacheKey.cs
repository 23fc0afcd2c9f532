namespace Socrates.Core.Search.Cached;

/// <summary>
/// What a cached search result depends on: the embedder version (another embedder gives other
/// vectors), the index version (the snapshot the result was computed on), the query text, the
/// scope filter (kind and project), k and the search path. Two searches with equal keys return
/// the same hits.
/// </summary>
public readonly record struct SearchCacheKey(
    string EmbedderVersion,
    long IndexVersion,
    string Query,
    ScopeFilterKind Scope,
    string? ProjectId,
    int K,
    SearchPath Path);
