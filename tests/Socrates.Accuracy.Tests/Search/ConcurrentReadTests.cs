using Socrates.Core.Search;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>
/// Readers search while writers add, revise, delete and restore entries and a full rebuild
/// swaps in a new generation. Every read checks that the snapshot it got is whole: index and
/// entries agree in size, the checksum recomputes, results exist in that snapshot, and an
/// entry searched with its own vector is found. Gate: <c>search.concurrent_inconsistent_reads</c> = 0.
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class ConcurrentReadTests
{
    [Fact]
    public async Task ConcurrentReads_DuringUpdatesAndRebuild_EverySnapshotConsistent()
    {
        var golden = await GoldenData.GetAsync();
        var duration = TimeSpan.FromTicks(Math.Min(TestProfile.Current.SoakDuration.Ticks, TimeSpan.FromSeconds(20).Ticks));
        var records = golden.Vectors.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var manager = new VectorIndexManager(golden.Dataset.Embedder.Dimensions, golden.Version, new IvfOptions());
        manager.Load(records.Where((_, i) => i % 10 != 9));
        var later = records.Where((_, i) => i % 10 == 9).ToList();

        var inconsistent = 0L;
        var reads = 0L;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(seed => Task.Run(() =>
        {
            var random = new Random(seed);
            while (!stop.IsCancellationRequested)
            {
                var problem = Check(manager.Current, random, Interlocked.Read(ref reads) % 8 == 0);
                if (problem is not null)
                {
                    Interlocked.Increment(ref inconsistent);
                    failures.Enqueue(problem);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        var writes = 0;
        var rebuilds = 0;
        var deadline = DateTime.UtcNow + duration;
        var writerRandom = new Random(99);
        var rebuild = manager.RebuildAsync();
        var cursor = 0;
        while (DateTime.UtcNow < deadline || !rebuild.IsCompleted)
        {
            var r = later[cursor++ % later.Count];
            manager.Upsert(r);
            var victim = records[writerRandom.Next(records.Count)];
            manager.Upsert(victim with { Vector = Perturb(victim.Vector, writerRandom) });
            manager.Delete(victim.Id);
            manager.Upsert(victim);
            writes += 4;
            if (rebuild.IsCompleted && DateTime.UtcNow < deadline)
            {
                Assert.True((await rebuild).IsValid);
                rebuilds++;
                rebuild = manager.RebuildAsync();
            }
        }

        Assert.True((await rebuild).IsValid);
        rebuilds++;
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var evidence = MetricsWriter.WriteEvidence("accuracy", "search-concurrent-reads.json", new
        {
            reads, writes, rebuilds, inconsistent, durationSeconds = duration.TotalSeconds, firstProblems = failures.Take(20),
        });
        MetricsWriter.Write("accuracy", "search.concurrent_inconsistent_reads", inconsistent, "count", evidence);

        Assert.True(reads > 0 && rebuilds > 0);
        Assert.True(inconsistent == 0, $"{inconsistent} of {reads} reads saw an inconsistent snapshot; first: {failures.FirstOrDefault()}");
    }

    private static string? Check(IndexSnapshot snapshot, Random random, bool recomputeChecksum)
    {
        var ivf = snapshot.Ivf;
        if (ivf is null)
        {
            return "index fell back to exact during a clean run";
        }

        if (ivf.Count != snapshot.Entries.Count)
        {
            return $"index holds {ivf.Count} entries, snapshot {snapshot.Entries.Count}";
        }

        if (recomputeChecksum && ivf.ComputeChecksum() != ivf.Checksum)
        {
            return $"checksum of generation {ivf.Generation} sequence {ivf.Sequence} does not recompute";
        }

        var probe = snapshot.Entries.Values.ElementAt(random.Next(snapshot.Entries.Count));
        var hits = ivf.Search(probe.Vector, ivf.EmbedderVersion, 10, ScopeFilter.All, ivf.ListCount).Hits;
        if (hits.Any(h => !snapshot.Entries.ContainsKey(h.Id)))
        {
            return "a result is not in the snapshot's entries";
        }

        var self = System.Numerics.Tensors.TensorPrimitives.Dot(probe.Vector, probe.Vector);
        return hits.Any(h => h.Id == probe.Id) || (hits.Count == 10 && hits[^1].Score >= self - 1e-6f)
            ? null
            : $"entry {probe.Id} not found by its own vector";
    }

    private static float[] Perturb(float[] vector, Random random)
    {
        var v = vector.Select(x => x + (float)((random.NextDouble() - 0.5) * 0.02)).ToArray();
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
