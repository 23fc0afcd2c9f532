using Socrates.Core.Search.Faults;

namespace Socrates.Core.Search;

/// <summary>
/// Brute-force cosine search: every vector in one contiguous matrix, scored with SIMD dot
/// products (cosine, since all vectors are unit length), best k kept in a bounded heap. The
/// ground truth the approximate index is measured against, and its last-resort fallback.
/// </summary>
public sealed class ExactIndex
{
    private readonly VectorBlock _block;

    private ExactIndex(VectorBlock block, string embedderVersion)
    {
        _block = block;
        EmbedderVersion = embedderVersion;
    }

    public string EmbedderVersion { get; }

    public int Dimensions => _block.Dimensions;

    public int Count => _block.Count;

    /// <summary>The rows, in index order (the floor benchmark scans this very memory).</summary>
    internal ReadOnlyMemory<float> Vectors => _block.Vectors;

    /// <summary>Builds the matrix, rows ordered by id (ordinal) so equal inputs give equal layouts.</summary>
    public static ExactIndex Build(IEnumerable<VectorRecord> records, int dimensions, string embedderVersion)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderVersion);
        var sorted = records.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (string.Equals(sorted[i - 1].Id, sorted[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Entry id '{sorted[i].Id}' appears more than once.", nameof(records));
            }
        }

        return new ExactIndex(VectorBlock.From(sorted, dimensions), embedderVersion);
    }

    /// <summary>The <paramref name="k"/> entries most similar to <paramref name="query"/> among those <paramref name="filter"/> admits.</summary>
    /// <exception cref="EmbedderVersionMismatchException">The query was embedded by another embedder version.</exception>
    public IReadOnlyList<SearchHit> Search(float[] query, string queryEmbedderVersion, int k, ScopeFilter filter)
    {
        QueryGuard.Check(query, queryEmbedderVersion, k, Dimensions, EmbedderVersion, "exact search");
        var top = new TopKCollector(k);
        ExactScanFaults.Scan(_block, query, filter, top);

        return top.ToSortedList();
    }
}
