using Socrates.Core.Failpoints;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

/// <summary>
/// The default probes' recall promise: calibrated on logged queries it must equal the recall
/// those queries then get; calibrated on whole rows (the canary) it over-promises.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProbeCalibrationTests
{
    private const int Dimensions = 32;

    private static readonly IvfOptions Options = new() { Lists = 30 };

    [Fact]
    public void Build_EnoughLoggedQueries_PromiseIsTheRecallThoseQueriesGet()
    {
        var records = TestVectors.Records(31, 3000, Dimensions, clusters: 20);
        var queries = Queries(32, 80);

        var index = IvfIndex.Build(records, Dimensions, TestVectors.Version, Options, loggedQueries: queries);

        var calibration = Assert.IsType<ProbeCalibrationResult>(index.Calibration);
        Assert.Equal(CalibrationSource.LoggedQueries, calibration.Source);
        Assert.Equal(80, calibration.Queries);
        Assert.Equal(index.DefaultProbes, calibration.Probes);
        Assert.True(calibration.Recall >= Options.CalibrationTargetRecall);
        Assert.Equal(calibration.Recall, Recall(records, index, queries, index.DefaultProbes), 12);
        if (index.DefaultProbes > IvfOptions.DefaultProbes(index.ListCount))
        {
            // The smallest probes that keeps the promise, not merely one that does.
            Assert.True(Recall(records, index, queries, index.DefaultProbes - 1) < Options.CalibrationTargetRecall);
        }
    }

    [Fact]
    public void Build_TooFewLoggedQueries_CalibratesOnTheIndexOwnRows()
    {
        var records = TestVectors.Records(33, 2000, Dimensions, clusters: 20);

        var index = IvfIndex.Build(records, Dimensions, TestVectors.Version, Options, loggedQueries: Queries(34, Options.MinLoggedQueries - 1));

        Assert.Equal(CalibrationSource.IndexSample, index.Calibration?.Source);
    }

    [Fact]
    public void Build_LoggedQueryOfOtherDimensions_RefusedNamingBoth()
    {
        var records = TestVectors.Records(35, 200, Dimensions);
        float[][] queries = [.. Queries(36, 60), new float[Dimensions + 1]];

        var ex = Assert.Throws<ArgumentException>(() => IvfIndex.Build(records, Dimensions, TestVectors.Version, Options, loggedQueries: queries));
        Assert.Contains($"Logged query 60 has {Dimensions + 1} dimensions", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"the index has {Dimensions}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NullLoggedQuery_RefusedNamingIt()
    {
        var records = TestVectors.Records(35, 200, Dimensions);
        float[][] queries = [.. Queries(36, 3), null!];

        var ex = Assert.Throws<ArgumentException>(() => IvfIndex.Build(records, Dimensions, TestVectors.Version, Options, loggedQueries: queries));
        Assert.Contains("Logged query 3 has 0 dimensions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrateOnDocumentsFailpoint_PromisesMoreRecallThanTheLoggedQueriesGet()
    {
        var records = TestVectors.Records(37, 3000, Dimensions, clusters: 20);
        var queries = Queries(38, 80);

        IvfIndex canary;
        using (Failpoint.Enable(SearchFailpoints.CalibrateOnDocuments))
        {
            canary = IvfIndex.Build(records, Dimensions, TestVectors.Version, Options, loggedQueries: queries);
        }

        var clean = IvfIndex.Build(records, Dimensions, TestVectors.Version, Options, loggedQueries: queries);
        var promised = Assert.IsType<ProbeCalibrationResult>(canary.Calibration);
        Assert.Equal(CalibrationSource.IndexSample, promised.Source);
        // The gate's fail line is a shortfall above 0.05; the clean build has none.
        Assert.True(promised.Recall - Recall(records, canary, queries, canary.DefaultProbes) > 0.05,
            $"promised {promised.Recall:F3} at {canary.DefaultProbes} probes, got {Recall(records, canary, queries, canary.DefaultProbes):F3}");
        Assert.Equal(clean.CalibratedRecall!.Value, Recall(records, clean, queries, clean.DefaultProbes), 12);
    }

    // Queries unlike the rows: uniform directions, not points of the clusters.
    private static float[][] Queries(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => TestVectors.Unit(random, Dimensions))];
    }

    // Mean share of each query's exact top 10 that the index returns at the given probes.
    private static double Recall(List<VectorRecord> records, IvfIndex index, float[][] queries, int probes)
    {
        var exact = ExactIndex.Build(records, Dimensions, TestVectors.Version);
        return queries.Average(q =>
        {
            var truth = exact.Search(q, TestVectors.Version, 10, ScopeFilter.All).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            return index.Search(q, TestVectors.Version, 10, ScopeFilter.All, probes).Hits.Count(h => truth.Contains(h.Id)) / 10.0;
        });
    }
}
