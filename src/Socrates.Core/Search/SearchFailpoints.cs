using Socrates.Core.Failpoints;

namespace Socrates.Core.Search;

/// <summary>Canaries of the vector search gates: each injects the defect its gate exists to catch.</summary>
[FailpointCatalog]
public static class SearchFailpoints
{
    /// <summary>
    /// The IVF index scans one list per query whatever its options say: a misconfigured
    /// probes/lists pair. Recall@10 must fall below its gate.
    /// </summary>
    public const string ForceProbesOne = "search.ivf.force-probes-1";

    /// <summary>
    /// Queries are embedded by a different embedder version (same algorithm, unfitted IDF) while
    /// the index keeps the old vectors: a model swap without re-embedding. Every query must be
    /// refused with <see cref="EmbedderVersionMismatchException"/>; the golden overlap gate
    /// counts a refused query as zero overlap, so it goes red.
    /// </summary>
    public const string EmbedderVersionSwap = "search.embedder.version-swap";

    /// <summary>
    /// An incremental index update (upsert or delete) is silently dropped: the store changes,
    /// the index does not. Index validation must report it.
    /// </summary>
    public const string DropIndexUpdate = "search.index.drop-update";

    /// <summary>
    /// Exact search materialises every row as a <see cref="VectorRecord"/> (a fresh copy of its
    /// vector) before scoring it, instead of scoring the matrix in place: the naive
    /// one-record-at-a-time implementation, with the same answers and far more memory traffic and
    /// garbage. The gate on exact search against its floor (a plain SIMD dot-product loop over
    /// the same rows) must go red.
    /// </summary>
    public const string ExactCopyRows = "search.exact.copy-rows";

    /// <summary>
    /// Probe calibration uses whole indexed rows as its queries (ignoring the query log and not
    /// shortening them): rows sit in their own list, so it promises a recall that real queries do
    /// not get. The calibration-shortfall gate (promised recall against recall on queries the
    /// calibration never saw) must go red.
    /// </summary>
    public const string CalibrateOnDocuments = "search.calibration.document-queries";

    private static long s_copyingScans;

    /// <summary>How many exact searches <see cref="ExactCopyRows"/> has answered by copying rows in this process.</summary>
    internal static long CopyingScans => Interlocked.Read(ref s_copyingScans);

    internal static void CountCopyingScan() => Interlocked.Increment(ref s_copyingScans);
}
