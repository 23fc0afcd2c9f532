namespace Socrates.Core.Search.Golden;

/// <summary>The exact top-k of one query.</summary>
public sealed record GoldenExpectation(string QueryId, IReadOnlyList<SearchHit> Hits);
