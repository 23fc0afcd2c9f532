namespace Socrates.Core.Search;

/// <summary>
/// Picks an index's default probes: for each calibration query, the exact top 10 is found, and
/// the rank, in the query's centroid order, of each true neighbour's list gives the probes
/// needed to reach it. The answer is the smallest probes (at least pgvector's sqrt(lists)) whose
/// mean recall@10 reaches the target, or every list when none does.
/// <para>
/// The queries are the ones the index served (<see cref="FromQueries"/>) when enough were
/// logged; otherwise a seeded sample of the index's own rows, each shortened to its largest
/// coordinates and left out of its own truth (<see cref="FromIndexSample"/>).
/// </para>
/// </summary>
internal static class ProbeCalibration
{
    private const int K = 10;

    /// <summary>Coordinates a calibration query keeps: a short query touches few features, not a whole document's.</summary>
    public const int QueryCoordinates = 24;

    /// <summary>Calibrates on <paramref name="queries"/>; their exact top 10 comes from scanning every list of the index.</summary>
    public static ProbeCalibrationResult FromQueries(IvfIndex index, double target, IReadOnlyList<float[]> queries)
    {
        var tally = new Tally(index.ListCount);
        Parallel.ForEach(queries, query =>
        {
            var top = new TopKCollector(K);
            foreach (var list in index.Lists)
            {
                list.Scan(query, ScopeFilter.All, top);
            }

            tally.Add(index, query, top.ToSortedList());
        });

        return tally.Pick(target, CalibrationSource.LoggedQueries, queries.Count);
    }

    /// <param name="naive">
    /// True only under <see cref="SearchFailpoints.CalibrateOnDocuments"/>: whole rows as queries,
    /// each its own first neighbour; they sit in their own list and promise a recall real
    /// queries do not get.
    /// </param>
    public static ProbeCalibrationResult FromIndexSample(IvfIndex index, VectorBlock all, double target, int queries, int seed, bool naive = false)
    {
        var random = new Random(seed ^ 0x0CA11B);
        var sample = Enumerable.Range(0, Math.Min(queries, all.Count)).Select(_ => random.Next(all.Count)).Distinct().Order().ToArray();
        var tally = new Tally(index.ListCount);
        Parallel.ForEach(sample, q =>
        {
            var query = naive ? all.Row(q).ToArray() : Shorten(all.Row(q));
            var top = new TopKCollector(K + 1);
            all.Scan(query, ScopeFilter.All, top);
            var truth = top.ToSortedList().Where(h => naive || !string.Equals(h.Id, all.Ids[q], StringComparison.Ordinal)).Take(K).ToList();
            tally.Add(index, query, truth);
        });

        return tally.Pick(target, CalibrationSource.IndexSample, sample.Length);
    }

    // The sample vector reduced to its largest coordinates and renormalised: a stand-in for a
    // short query about the same thing. Whole documents as queries are far easier than real
    // queries (they sit in their own list), and calibrating on them under-probes.
    private static float[] Shorten(ReadOnlySpan<float> vector)
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

    /// <summary>reached[p] = true neighbours found in the (p + 1)-th list probed, summed over queries.</summary>
    private sealed class Tally(int lists)
    {
        private readonly Lock _gate = new();
        private readonly long[] _reached = new long[lists];
        private long _wanted;

        public void Add(IvfIndex index, float[] query, List<SearchHit> truth)
        {
            var order = index.RankLists(query);
            var rankOfList = new int[order.Length];
            for (var r = 0; r < order.Length; r++)
            {
                rankOfList[order[r]] = r;
            }

            var local = new long[order.Length];
            foreach (var hit in truth)
            {
                if (index.TryLocate(hit.Id, out var list))
                {
                    local[rankOfList[list]]++;
                }
            }

            lock (_gate)
            {
                _wanted += truth.Count;
                for (var r = 0; r < local.Length; r++)
                {
                    _reached[r] += local[r];
                }
            }
        }

        public ProbeCalibrationResult Pick(double target, CalibrationSource source, int queries)
        {
            var lists = _reached.Length;
            var floor = Math.Min(lists, IvfOptions.DefaultProbes(lists));
            var cumulative = 0L;
            for (var p = 1; p <= lists; p++)
            {
                cumulative += _reached[p - 1];
                var recall = _wanted == 0 ? 1.0 : (double)cumulative / _wanted;
                if (p >= floor && recall >= target)
                {
                    return new ProbeCalibrationResult(p, recall, source, queries);
                }
            }

            return new ProbeCalibrationResult(lists, 1.0, source, queries);
        }
    }
}
