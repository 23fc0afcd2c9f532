using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

/// <summary>Seeded random unit vectors, optionally around a few cluster centres, with scopes.</summary>
internal static class TestVectors
{
    public const string Version = "test-embedder-1";

    public static float[] Unit(Random random, int dimensions)
    {
        var v = new float[dimensions];
        var norm = 0.0;
        for (var i = 0; i < dimensions; i++)
        {
            v[i] = (float)(random.NextDouble() * 2 - 1);
            norm += v[i] * v[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < dimensions; i++)
        {
            v[i] *= scale;
        }

        return v;
    }

    public static float[] Near(Random random, float[] centre, double noise)
    {
        var v = new float[centre.Length];
        var norm = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = centre[i] + (float)((random.NextDouble() * 2 - 1) * noise);
            norm += v[i] * v[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= scale;
        }

        return v;
    }

    /// <summary>
    /// <paramref name="count"/> records in <paramref name="clusters"/> clusters; every
    /// <paramref name="projectEvery"/>-th record belongs to one of <paramref name="projects"/> projects.
    /// </summary>
    public static List<VectorRecord> Records(int seed, int count, int dimensions = 32, int clusters = 8, int projectEvery = 3, int projects = 4)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => Unit(random, dimensions)).ToArray();
        var records = new List<VectorRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var vector = Near(random, centres[random.Next(clusters)], 0.35);
            var isProject = i % projectEvery == 0;
            records.Add(new VectorRecord(
                $"e{i:D5}",
                isProject ? KnowledgeScope.Project : KnowledgeScope.Global,
                isProject ? $"p{i % projects}" : null,
                vector));
        }

        return records;
    }

    /// <summary>The brute-force answer: score every admitted record, sort by score desc then id asc.</summary>
    public static List<SearchHit> BruteForce(IEnumerable<VectorRecord> records, float[] query, int k, ScopeFilter filter) =>
        records.Where(r => filter.Matches(r.Scope, r.ProjectId))
            .Select(r => new SearchHit(r.Id, System.Numerics.Tensors.TensorPrimitives.Dot(query, r.Vector)))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(k)
            .ToList();
}
