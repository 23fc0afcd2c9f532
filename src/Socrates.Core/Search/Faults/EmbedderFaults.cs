using Socrates.Core.Failpoints;

namespace Socrates.Core.Search.Faults;

/// <summary>
/// The canary of query embedding, as the choice of the embedder that embeds a query: off (one
/// field read), the service's embedder; under <see cref="SearchFailpoints.EmbedderVersionSwap"/>,
/// another version of it (same algorithm, unfitted IDF) while the index keeps the old vectors.
/// </summary>
internal sealed class EmbedderFaults(IEmbedder plain)
{
    private readonly Lazy<IEmbedder> _swapped = new(() => Swapped(plain));

    /// <summary>The embedder a query is embedded with.</summary>
    public IEmbedder ForQuery => Failpoint.IsActive(SearchFailpoints.EmbedderVersionSwap) ? _swapped.Value : plain;

    // The canary's "new model": the same algorithm without the fitted IDF (a genuinely different
    // function, hence a different version); any other embedder gets a relabelled version.
    private static IEmbedder Swapped(IEmbedder embedder) =>
        embedder is HashingTfIdfEmbedder hashing ? hashing.WithIdf(IdfTable.Empty) : new RelabelledEmbedder(embedder);

    private sealed class RelabelledEmbedder(IEmbedder inner) : IEmbedder
    {
        public string Name => inner.Name;

        public string Version { get; } = inner.Version + "+swapped";

        public int Dimensions => inner.Dimensions;

        public float[] Embed(string text) => inner.Embed(text);
    }
}
