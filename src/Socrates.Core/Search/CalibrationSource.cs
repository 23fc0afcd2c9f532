namespace Socrates.Core.Search;

/// <summary>What an index's default probes were calibrated on.</summary>
public enum CalibrationSource
{
    /// <summary>Queries the index actually served (<see cref="QueryLog"/>): the sample that predicts production recall.</summary>
    LoggedQueries,

    /// <summary>
    /// The index's own rows, shortened to stand in for queries: used while too few queries have
    /// been served. Optimistic where the data holds near-duplicates, which sit in one list with
    /// the row that stands in for the query.
    /// </summary>
    IndexSample,
}
