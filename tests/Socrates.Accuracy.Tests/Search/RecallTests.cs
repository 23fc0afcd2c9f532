using Socrates.Core.Failpoints;
using Socrates.Core.Search;
using Socrates.Testing.Search;
using Socrates.Testing.Metrics;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>
/// Recall@10 of the IVF index (production options) against exact search on the golden set.
/// Gate: fail below 0.85, warn below 0.95. Canary: <see cref="SearchFailpoints.ForceProbesOne"/>.
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class RecallTests
{
    public const double Fail = 0.85;

    [Fact]
    public async Task RecallAt10_IvfProductionOptionsVsExact_AtLeastGate()
    {
        var golden = await GoldenData.GetAsync();
        var measured = Measure(golden, new IvfOptions());
        var pgvector = Measure(golden, new IvfOptions { CalibrationTargetRecall = null });

        var evidence = MetricsWriter.WriteEvidence("accuracy", "search-recall-golden.json", new
        {
            definition = "ann-benchmarks recall@10: returned results whose true distance <= 10th true distance + 1e-3, per query, averaged",
            production = measured.Summary,
            pgvectorDefaultProbes = pgvector.Summary,
            perQuery = measured.PerQuery,
        });
        MetricsWriter.Write("accuracy", "search.recall_at_10", measured.Recall, "ratio", evidence);
        MetricsWriter.Write("accuracy", "search.recall_at_10_pgvector_default_probes", pgvector.Recall, "ratio", evidence);

        Assert.True(measured.Recall >= Fail, $"recall@10 {measured.Recall:F4} < {Fail} ({measured.Summary})");
    }

    [Fact]
    public async Task RecallAt10_ForceProbesOneCanary_FallsBelowGate()
    {
        var golden = await GoldenData.GetAsync();
        using (Failpoint.Enable(SearchFailpoints.ForceProbesOne))
        {
            var measured = Measure(golden, new IvfOptions());
            Assert.True(measured.Recall < Fail, $"with {SearchFailpoints.ForceProbesOne} recall@10 stayed {measured.Recall:F4}");
        }
    }

    internal static RecallMeasurement Measure(GoldenData golden, IvfOptions options)
    {
        var exact = ExactIndex.Build(golden.Vectors, golden.Dataset.Embedder.Dimensions, golden.Version);
        var ivf = IvfIndex.Build(golden.Vectors.ToList(), golden.Dataset.Embedder.Dimensions, golden.Version, options);
        var queries = golden.Dataset.Queries;
        var perQuery = new object[queries.Count];
        var sum = 0.0;
        for (var i = 0; i < queries.Count; i++)
        {
            var truth = exact.Search(golden.QueryVectors[i], golden.Version, 10, queries[i].Filter);
            var result = ivf.Search(golden.QueryVectors[i], golden.Version, 10, queries[i].Filter);
            var recall = SearchQuality.RecallAtK(truth, result.Hits, 10);
            sum += recall;
            perQuery[i] = new { query = queries[i].Id, filter = queries[i].Filter.ToString(), recall, result.ProbesUsed, result.FilteredExact };
        }

        var mean = sum / queries.Count;
        return new RecallMeasurement(mean, new
        {
            recall = mean,
            lists = ivf.ListCount,
            probes = ivf.DefaultProbes,
            calibratedRecall = ivf.CalibratedRecall,
            entries = ivf.Count,
            queries = queries.Count,
        }, perQuery);
    }

    internal sealed record RecallMeasurement(double Recall, object Summary, object[] PerQuery);
}
