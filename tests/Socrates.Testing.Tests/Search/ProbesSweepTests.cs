using Socrates.Core.Search;
using Socrates.Testing.Search;

namespace Socrates.Testing.Tests.Search;

[Trait("Category", "Unit")]
public sealed class ProbesSweepTests
{
    private const string Version = "sweep-test";

    private static (IvfIndex Index, ExactIndex Exact, float[][] Queries, int Rows) Build()
    {
        var random = new Random(3);
        var records = Enumerable.Range(0, 2_000).Select(i => new VectorRecord($"r{i}", KnowledgeScope.Global, null, Unit(random, 16))).ToList();
        var queries = Enumerable.Range(0, 40).Select(_ => Unit(random, 16)).ToArray();
        var index = IvfIndex.Build(records, 16, Version, new IvfOptions { Lists = 16, CalibrationTargetRecall = null });
        return (index, ExactIndex.Build(records, 16, Version), queries, records.Count);
    }

    private static float[] Unit(Random random, int dimensions)
    {
        var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    [Fact]
    public void Run_PowersOfTwoDefaultAndAll_RecallOneWhenEveryListIsProbed()
    {
        var (index, exact, queries, rows) = Build();
        var truth = queries.Select(q => exact.Search(q, Version, 10, ScopeFilter.All)).ToArray();

        var sweep = ProbesSweep.Run(index, Version, queries, truth, rows, k: 10);

        var expected = new SortedSet<int>([1, 2, 4, 8, 16, index.DefaultProbes]);
        Assert.Equal(expected, sweep.Select(p => p.Probes));
        Assert.Single(sweep, p => p.IsDefault);
        Assert.Equal(1.0, sweep[^1].Recall, 9);
        Assert.Equal(1.0, sweep[^1].ScannedFraction, 9);
        Assert.True(sweep[0].Recall < 1.0, "one of 16 lists found every neighbour of every random query");
        for (var i = 1; i < sweep.Count; i++)
        {
            Assert.True(sweep[i].ScannedFraction >= sweep[i - 1].ScannedFraction);
            Assert.True(sweep[i].Recall >= sweep[i - 1].Recall - 1e-12);
        }
    }

    [Fact]
    public void Run_TruthNotOnePerQuery_Refused()
    {
        var (index, _, queries, rows) = Build();

        Assert.Throws<ArgumentException>(() => ProbesSweep.Run(index, Version, queries, [], rows, k: 10));
    }
}
