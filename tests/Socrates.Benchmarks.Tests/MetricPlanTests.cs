using Socrates.Benchmarks.Harness;
using Socrates.Benchmarks.Paired;
using Socrates.Benchmarks.Targeting;

namespace Socrates.Benchmarks.Tests;

/// <summary>
/// A targeted run (<c>--metric</c>) measures what feeds the named metrics and nothing else; every
/// benchmark gate's metric must be producible that way, or its canary could not be targeted.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MetricPlanTests
{
    private static readonly ComparisonsIndex s_comparisons = ComparisonsIndex.Read(
        ComparisonsIndex.Locate(AppContext.BaseDirectory) ?? throw new InvalidOperationException("benchmarks/comparisons.json not found above the test binaries"));

    [Fact]
    public void For_SpeedupComparison_FiltersItsTwoBenchmarksOnly()
    {
        var plan = MetricPlan.For(["bench.sqlite.point_select_speedup"], s_comparisons);

        Assert.Equal(["*SqliteFloorBenchmarks.FullScanSelect", "*SqliteFloorBenchmarks.PrimaryKeySelect"], plan.BenchmarkDotNetFilters);
        Assert.Empty(plan.PairIds);
        Assert.Empty(plan.SetupMetrics);
        Assert.Empty(plan.Unknown);
    }

    [Fact]
    public void For_RegressionWithoutOwnReference_AddsTheFileReference()
    {
        var plan = MetricPlan.For(["bench.search.cached_regression"], s_comparisons);

        Assert.Equal(["*SearchBenchmarks.Cached", "*ReferenceBenchmarks.FixedWorkload"], plan.BenchmarkDotNetFilters);
    }

    [Theory]
    [InlineData("bench.paired.point_load_overhead")]
    [InlineData("bench.paired.point_load_overhead.estimate")]
    [InlineData("bench.paired.point_load_overhead.regression")]
    public void For_PairedMetric_SelectsExactlyItsPairAndNoBenchmarkDotNet(string metric)
    {
        var plan = MetricPlan.For([metric], s_comparisons);

        Assert.Equal(["bench.paired.point_load_overhead"], plan.PairIds);
        Assert.False(plan.RunsBenchmarkDotNet);
    }

    [Fact]
    public void For_FileSizeRatio_RunsTheSetupThatWritesIt()
    {
        var plan = MetricPlan.For([SetupMetrics.FileSizeRatio], s_comparisons);

        Assert.Equal([SetupMetrics.FileSizeRatio], plan.SetupMetrics);
        Assert.False(plan.RunsBenchmarkDotNet);
        Assert.Empty(plan.PairIds);
    }

    [Fact]
    public void For_NameNothingWrites_ReportedUnknown()
    {
        var plan = MetricPlan.For(["bench.paired.point_load", "bench.sqlite.point_select_speedupx"], s_comparisons);

        Assert.Equal(["bench.paired.point_load", "bench.sqlite.point_select_speedupx"], plan.Unknown);
    }

    [Fact]
    public void For_EveryBenchmarkGatesMetric_IsProducible()
    {
        var gates = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ComparisonsIndex.Locate(AppContext.BaseDirectory))!)!, "gates.json")));
        var metrics = gates.RootElement.GetProperty("gates").EnumerateArray()
            .Where(g => g.GetProperty("suite").GetString() == "benchmarks")
            .Select(g => g.GetProperty("metric").GetString()!)
            .ToList();
        Assert.NotEmpty(metrics);

        Assert.Empty(MetricPlan.For(metrics, s_comparisons).Unknown);
    }

    [Fact]
    public void Parse_MetricWithFilter_Refused()
    {
        Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(["--metric", "bench.paired.save_speedup", "--filter", "*"]));
        Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(["--metric", "bench.paired.save_speedup", "--paired-filter", "save"]));
    }

    [Fact]
    public void Parse_RepeatedMetric_KeptInOrderWithoutDefaultFilter()
    {
        var options = HarnessOptions.Parse(["--metric", "a", "--metric", "b", "--comparisons", "c.json"]);

        Assert.Equal(["a", "b"], options.Metrics);
        Assert.Empty(options.BenchmarkDotNetArguments);
        Assert.EndsWith("c.json", options.ComparisonsPath, StringComparison.Ordinal);
        Assert.Contains(PairedSuite.SaveSpeedup, PairedSuite.Ids);
    }
}
