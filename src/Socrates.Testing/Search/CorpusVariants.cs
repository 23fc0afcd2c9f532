using Socrates.Core.Search;

namespace Socrates.Testing.Search;

/// <summary>
/// A larger set of knowledge texts generated from a corpus: every entry once, then rounds of
/// seeded word-dropout variants (each word of the entry kept with probability 1 - dropout),
/// until the set has the requested size. Every text is real words of a real entry, so the
/// embedder sees what it could see in production (uniform noise on the vectors instead put an
/// isotropic component in every copy and misled probe calibration; see the Search README).
/// </summary>
public static class CorpusVariants
{
    /// <summary>The seed of the set the search speed test and <c>socrates ivf-sweep</c> build.</summary>
    public const int SpeedSetSeed = 20_260_101;

    /// <summary>The word dropout of that set.</summary>
    public const double SpeedSetDropout = 0.3;

    public static IReadOnlyList<CorpusVariant> Generate(IReadOnlyList<KnowledgeEntry> entries, int size, int seed, double dropout, IReadOnlySet<string>? excludedIds = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "Word dropout must be in [0, 1).");
        }

        var sources = excludedIds is null ? entries : [.. entries.Where(e => !excludedIds.Contains(e.Id))];
        if (size > 0 && sources.Count == 0)
        {
            throw new ArgumentException("No entry is left to generate from.", nameof(entries));
        }

        var random = new Random(seed);
        var texts = new List<CorpusVariant>(size);
        for (var copy = 0; texts.Count < size; copy++)
        {
            foreach (var entry in sources)
            {
                if (texts.Count == size)
                {
                    break;
                }

                var text = copy == 0 ? entry.Content : string.Join(' ', entry.Content.Split(' ').Where(_ => random.NextDouble() >= dropout));
                texts.Add(new CorpusVariant(entry, copy, text));
            }
        }

        return texts;
    }

    /// <summary>Embeds the texts in parallel, in order; copy 0 reuses <paramref name="sourceVectors"/> when given.</summary>
    public static List<VectorRecord> Embed(IReadOnlyList<CorpusVariant> variants, IEmbedder embedder, IReadOnlyDictionary<string, float[]>? sourceVectors = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(embedder);
        return [.. variants.AsParallel().AsOrdered().Select(v =>
        {
            var vector = v.Copy == 0 && sourceVectors is not null && sourceVectors.TryGetValue(v.Source.Id, out var known) ? known : embedder.Embed(v.Text);
            return new VectorRecord(v.Id, v.Source.Scope, v.Source.ProjectId, vector);
        })];
    }
}
