namespace Socrates.Core.Search;

/// <summary>Hits of an IVF query, and how much of the index it took: lists probed and rows scored.</summary>
public sealed record IvfSearchResult(IReadOnlyList<SearchHit> Hits, int ProbesRequested, int ProbesUsed, int RowsScanned)
{
    /// <summary>True when a selective filter made the planner scan every list for admitted entries only (exact).</summary>
    public bool FilteredExact { get; init; }
}
