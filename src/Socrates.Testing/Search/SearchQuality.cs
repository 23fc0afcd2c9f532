using Socrates.Core.Search;

namespace Socrates.Testing.Search;

/// <summary>The figures of merit, defined once.</summary>
public static class SearchQuality
{
    /// <summary>ann-benchmarks' slack: a result within this distance of the k-th true distance counts.</summary>
    public const float DistanceEpsilon = 1e-3f;

    /// <summary>
    /// Recall@k as ann-benchmarks defines it: the share of the k returned results whose true
    /// distance is at most the k-th true distance + 1e-3 (so ties at the boundary count).
    /// Distance is 1 - cosine and every returned score is the exact cosine, so
    /// "distance &lt;= kth + eps" is "score &gt;= kth score - eps". When fewer than k entries
    /// qualify at all, k is that number; with none, recall is 1 if nothing was returned.
    /// </summary>
    public static double RecallAtK(IReadOnlyList<SearchHit> truth, IReadOnlyList<SearchHit> returned, int k)
    {
        var expected = Math.Min(k, truth.Count);
        if (expected == 0)
        {
            return returned.Count == 0 ? 1.0 : 0.0;
        }

        var threshold = truth[expected - 1].Score - DistanceEpsilon;
        return returned.Take(k).Count(h => h.Score >= threshold) / (double)expected;
    }

    /// <summary>Share of the expected ids that were returned (ids only, no tie slack).</summary>
    public static double Overlap(IReadOnlyList<SearchHit> expected, IReadOnlyList<SearchHit> returned)
    {
        if (expected.Count == 0)
        {
            return returned.Count == 0 ? 1.0 : 0.0;
        }

        var ids = returned.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        return expected.Count(h => ids.Contains(h.Id)) / (double)expected.Count;
    }
}
