using Socrates.Core.Failpoints;
using Socrates.Core.Search;
using Socrates.Testing.Search;
using Socrates.Testing.Metrics;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>
/// overlap@10 of the production path (<see cref="ProductionSearchRun"/>: IVF after incremental
/// updates) against the committed exact expectations. A query the service refuses with
/// <see cref="EmbedderVersionMismatchException"/> scores 0: refusing is the right behaviour,
/// but the answer is lost, so an embedder swapped without re-embedding turns this gate red
/// (canary <see cref="SearchFailpoints.EmbedderVersionSwap"/>) rather than passing silently.
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class GoldenOverlapTests
{
    public const double Fail = 0.85;

    [Fact]
    public async Task GoldenOverlapAt10_ProductionPathAfterIncrementalUpdates_AtLeastGate()
    {
        var run = await ProductionSearchRun.SharedAsync();
        var measured = await MeasureAsync(run.Service);

        var evidence = MetricsWriter.WriteEvidence("accuracy", "search-golden-overlap.json", new
        {
            definition = "overlap@10: share of the committed exact top-10 ids returned by the production search path; a refused query counts 0",
            overlap = measured.Overlap,
            refused = measured.Refused,
            incrementalOperations = run.IncrementalOperations,
            index = new { run.Service.Index.Current.Generation, sequence = run.Service.Index.Current.Ivf?.Sequence, exactFallback = run.Service.Index.Current.IsExactFallback },
            perQuery = measured.PerQuery,
        });
        MetricsWriter.Write("accuracy", "search.golden_overlap_at_10", measured.Overlap, "ratio", evidence);

        Assert.True(measured.Overlap >= Fail, $"golden overlap@10 {measured.Overlap:F4} < {Fail}; {measured.Refused} queries refused");
    }

    [Fact]
    public async Task GoldenOverlap_EmbedderVersionSwapCanary_RefusedAndGateRed()
    {
        var run = await ProductionSearchRun.SharedAsync();
        using (Failpoint.Enable(SearchFailpoints.EmbedderVersionSwap))
        {
            var measured = await MeasureAsync(run.Service);

            Assert.Equal((await GoldenData.GetAsync()).Dataset.Queries.Count, measured.Refused);
            Assert.True(measured.Overlap < Fail, $"with {SearchFailpoints.EmbedderVersionSwap} overlap stayed {measured.Overlap:F4}");
        }
    }

    private static async Task<OverlapMeasurement> MeasureAsync(VectorSearchService service)
    {
        var golden = await GoldenData.GetAsync();
        var sum = 0.0;
        var refused = 0;
        var perQuery = new List<object>();
        foreach (var query in golden.Dataset.Queries)
        {
            var expected = golden.ExpectedById[query.Id].Hits;
            double overlap;
            try
            {
                var hits = await service.SearchAsync(query.Text, 10, query.Filter);
                overlap = SearchQuality.Overlap(expected, hits);
            }
            catch (EmbedderVersionMismatchException)
            {
                refused++;
                overlap = 0;
            }

            sum += overlap;
            perQuery.Add(new { query = query.Id, overlap });
        }

        return new OverlapMeasurement(sum / golden.Dataset.Queries.Count, refused, perQuery);
    }

    private sealed record OverlapMeasurement(double Overlap, int Refused, List<object> PerQuery);
}
