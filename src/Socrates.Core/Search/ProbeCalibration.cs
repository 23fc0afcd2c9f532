namespace Socrates.Core.Search;

/// <summary>
/// Picks an index's default probes from its own data: a seeded sample of indexed vectors serve
/// as queries; for each, the exact top 10 (itself excluded) is found, and the rank, in the
/// query's centroid order, of each true neighbour's list gives the probes needed to reach it.
/// The answer is the smallest probes (at least pgvector's sqrt(lists)) whose mean recall@10
/// reaches the target, or every list when none does.
/// </summary>
internal static class ProbeCalibration
{
    private const int K = 10;

    /// <summary>Coordinates a calibration query keeps: a short query touches few features, not a whole document's.</summary>
    public const int QueryCoordinates = 24;

    public static (int Probes, double Recall) Calibrate(IvfIndex index, VectorBlock all, double target, int queries, int seed)
    {
        var lists = index.ListCount;
        var floor = Math.Min(lists, IvfOptions.DefaultProbes(lists));
        var random = new Random(seed ^ 0x0CA11B);
        var sample = Enumerable.Range(0, Math.Min(queries, all.Count)).Select(_ => random.Next(all.Count)).Distinct().Order().ToArray();

        // reached[p] = true neighbours found when p + 1 lists are probed (summed over queries).
        var reached = new long[lists];
        var wanted = 0L;
        var gate = new Lock();
        Parallel.ForEach(sample, q =>
        {
            var query = Sparsify(all.Row(q));
            var top = new TopKCollector(K + 1);
            all.Scan(query, ScopeFilter.All, top);
            var truth = top.ToSortedList().Where(h => !string.Equals(h.Id, all.Ids[q], StringComparison.Ordinal)).Take(K).ToList();
            var order = index.RankLists(query);
            var rankOfList = new int[lists];
            for (var r = 0; r < order.Length; r++)
            {
                rankOfList[order[r]] = r;
            }

            var local = new long[lists];
            foreach (var hit in truth)
            {
                if (index.TryLocate(hit.Id, out var list))
                {
                    local[rankOfList[list]]++;
                }
            }

            lock (gate)
            {
                wanted += truth.Count;
                for (var r = 0; r < lists; r++)
                {
                    reached[r] += local[r];
                }
            }
        });

        var cumulative = 0L;
        for (var p = 1; p <= lists; p++)
        {
            cumulative += reached[p - 1];
            var recall = wanted == 0 ? 1.0 : (double)cumulative / wanted;
            if (p >= floor && recall >= target)
            {
                return (p, recall);
            }
        }

        return (lists, 1.0);
    }

    // The sample vector reduced to its largest coordinates and renormalised: a stand-in for a
    // short query about the same thing. Whole documents as queries are far easier than real
    // queries (they sit in their own list), and calibrating on them under-probes.
    private static float[] Sparsify(ReadOnlySpan<float> vector)
    {
        var keep = Math.Min(QueryCoordinates, vector.Length);
        var order = Enumerable.Range(0, vector.Length).ToArray();
        var magnitudes = vector.ToArray().Select(Math.Abs).ToArray();
        Array.Sort(magnitudes, order);
        var result = new float[vector.Length];
        var norm = 0.0;
        for (var i = vector.Length - keep; i < vector.Length; i++)
        {
            result[order[i]] = vector[order[i]];
            norm += vector[order[i]] * (double)vector[order[i]];
        }

        if (norm > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(norm));
            for (var i = 0; i < result.Length; i++)
            {
                result[i] *= scale;
            }
        }

        return result;
    }
}
