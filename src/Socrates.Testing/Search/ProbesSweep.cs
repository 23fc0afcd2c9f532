using System.Diagnostics;
using Socrates.Core.Search;

namespace Socrates.Testing.Search;

/// <summary>Recall@k, queries/s and rows scanned of an IVF index over a range of probes, against exact answers.</summary>
public static class ProbesSweep
{
    /// <summary>1, 2, 4, ... below the list count, plus the index's default and every list.</summary>
    public static IReadOnlyList<int> ProbesToTry(IvfIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var probes = new SortedSet<int>([index.DefaultProbes, index.ListCount]);
        for (var p = 1; p < index.ListCount; p *= 2)
        {
            probes.Add(p);
        }

        return [.. probes];
    }

    public static IReadOnlyList<ProbesSweepPoint> Run(IvfIndex index, string embedderVersion, IReadOnlyList<float[]> queries, IReadOnlyList<IReadOnlyList<SearchHit>> truth, int rows, int k)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(truth);
        if (queries.Count == 0 || queries.Count != truth.Count)
        {
            throw new ArgumentException($"Need one exact answer per query and at least one query ({queries.Count} queries, {truth.Count} answers).", nameof(truth));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        // One untimed pass first, so the first timed point does not pay for the JIT.
        foreach (var query in queries)
        {
            index.Search(query, embedderVersion, k, ScopeFilter.All, 1);
        }

        var points = new List<ProbesSweepPoint>();
        foreach (var probes in ProbesToTry(index))
        {
            var recall = 0.0;
            var scanned = 0L;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < queries.Count; i++)
            {
                var result = index.Search(queries[i], embedderVersion, k, ScopeFilter.All, probes);
                recall += SearchQuality.RecallAtK(truth[i], result.Hits, k);
                scanned += result.RowsScanned;
            }

            watch.Stop();
            points.Add(new ProbesSweepPoint(probes, recall / queries.Count, queries.Count / watch.Elapsed.TotalSeconds, (double)scanned / queries.Count / rows, probes == index.DefaultProbes));
        }

        return points;
    }
}
