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
}
