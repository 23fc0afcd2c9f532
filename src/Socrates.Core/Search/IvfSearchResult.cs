namespace Socrates.Core.Search;

/// <summary>Hits of an IVF query, and how much of the index it took: lists probed and rows scored.</summary>
public sealed record IvfSearchResult(IReadOnlyList<SearchHit> Hits, int ProbesRequested, int ProbesUsed, int RowsScanned);
