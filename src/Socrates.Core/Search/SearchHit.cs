namespace Socrates.Core.Search;

/// <summary>One result: an entry id and its cosine similarity to the query (higher is closer).</summary>
public readonly record struct SearchHit(string Id, float Score);
