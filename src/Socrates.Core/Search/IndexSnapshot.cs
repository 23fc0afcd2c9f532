using System.Collections.Immutable;

namespace Socrates.Core.Search;

/// <summary>
/// One consistent state of the searchable data: the entries and the IVF version built over
/// them (null while search has fallen back to exact). Immutable: a reader that took a snapshot
/// searches it to the end whatever writers publish meanwhile.
/// </summary>
public sealed class IndexSnapshot
{
    private readonly Lazy<ExactIndex> _exact;

    internal IndexSnapshot(ImmutableDictionary<string, VectorRecord> entries, IvfIndex? ivf, long generation, int dimensions, string embedderVersion)
    {
        Entries = entries;
        Ivf = ivf;
        Generation = generation;
        EmbedderVersion = embedderVersion;
        _exact = new Lazy<ExactIndex>(() => ExactIndex.Build(entries.Values, dimensions, embedderVersion), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The entries as the store holds them (id to record).</summary>
    public ImmutableDictionary<string, VectorRecord> Entries { get; }

    /// <summary>The approximate index, or null when search runs exact after a failed validation.</summary>
    public IvfIndex? Ivf { get; }

    /// <summary>Generation of the last full build.</summary>
    public long Generation { get; }

    public string EmbedderVersion { get; }

    public bool IsExactFallback => Ivf is null;

    /// <summary>Brute-force index over <see cref="Entries"/>, built on first use.</summary>
    public ExactIndex Exact => _exact.Value;

    public IReadOnlyList<SearchHit> Search(float[] query, string queryEmbedderVersion, int k, ScopeFilter filter, SearchPath path, int? probes = null) =>
        path == SearchPath.Ivf && Ivf is not null
            ? Ivf.Search(query, queryEmbedderVersion, k, filter, probes).Hits
            : Exact.Search(query, queryEmbedderVersion, k, filter);
}
