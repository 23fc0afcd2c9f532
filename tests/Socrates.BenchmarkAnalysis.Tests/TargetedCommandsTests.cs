using Socrates.Evidence;
using System.Text.Json;
using Socrates.BenchmarkAnalysis;
using Socrates.BenchmarkAnalysis.Output;
using Socrates.BenchmarkAnalysis.Paired;
using Socrates.BenchmarkAnalysis.Tests.Paired;

namespace Socrates.BenchmarkAnalysis.Tests;

/// <summary>
/// bench-compare and paired-compare with <c>--metric</c>: a gate's canary run measured only what
/// feeds that gate, so the commands write only its metrics and do not fail for the rest.
/// </summary>
[Trait("Category", "Unit")]
public sealed class TargetedCommandsTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "targeted-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void BenchCompare_MetricNamed_WritesOnlyThatComparisonAndExitsZero()
    {
        // The sample lacks the logging benchmarks and no baseline is given: untargeted, this exits 1.
        var (code, output, errors) = BenchCompare("--metric", "bench.sqlite.point_select_speedup");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        Assert.Contains("1 of 1 comparisons measured", output, StringComparison.Ordinal);
        Assert.Equal(
            ["bench.sqlite.point_select_speedup.estimate.json", "bench.sqlite.point_select_speedup.json"],
            Directory.GetFiles(Path.Combine(_root, "metrics")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BenchCompare_EstimateOrSeveralMetricsNamed_SelectsEachComparison()
    {
        var (code, output, _) = BenchCompare("--metric", "bench.selftest.speedup.estimate", "--metric", "bench.sqlite.point_select_alloc_ratio");

        Assert.Equal(0, code);
        Assert.Contains("2 of 2 comparisons measured", output, StringComparison.Ordinal);
        Assert.True(File.Exists(MetricFileWriter.PathOf(Path.Combine(_root, "metrics"), "bench.selftest.speedup")));
        Assert.True(File.Exists(MetricFileWriter.PathOf(Path.Combine(_root, "metrics"), "bench.sqlite.point_select_alloc_ratio")));
    }

    [Fact]
    public void BenchCompare_NamedComparisonsBenchmarkNotRun_ExitsOne()
    {
        var (code, _, errors) = BenchCompare("--metric", "bench.logging.enabled_overhead");

        Assert.Equal(1, code);
        Assert.Contains("bench.logging.enabled_overhead: no metric", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchCompare_OnlyOtherCommandsMetricsNamed_NothingWrittenExitsZero()
    {
        var (code, output, _) = BenchCompare("--metric", "bench.paired.save_speedup.regression");

        Assert.Equal(0, code);
        Assert.Contains("nothing to compare", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "metrics")));
    }

    [Fact]
    public void PairedCompare_MetricNamed_IgnoresOtherPairsSamples()
    {
        WriteSamples("bench.paired.save_speedup", PairedSamples.SpeedupKind, 0.5);
        WriteSamples("bench.paired.x", PairedSamples.RatioKind, 2, rounds: 4);

        var (code, output, errors) = PairedCompare("--metric", "bench.paired.save_speedup");

        // Untargeted, the four-round pair would make the run exit 1.
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, errors);
        Assert.Contains("1 pairs read", output, StringComparison.Ordinal);
        Assert.Equal(
            ["bench.paired.save_speedup.estimate.json", "bench.paired.save_speedup.json"],
            Directory.GetFiles(Path.Combine(_root, "metrics")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PairedCompare_RatioNamedWithBaseline_NoRegressionNeededOrWritten()
    {
        WriteSamples("bench.paired.save_speedup", PairedSamples.SpeedupKind, 0.5);

        // The baseline does not exist: a regression would be missing, and the run would exit 1.
        var (code, _, _) = PairedCompare("--metric", "bench.paired.save_speedup", "--baseline", Path.Combine(_root, "none.json"));

        Assert.Equal(0, code);
        Assert.False(File.Exists(MetricFileWriter.PathOf(Path.Combine(_root, "metrics"), "bench.paired.save_speedup" + PairedRegression.MetricSuffix)));
    }

    [Fact]
    public void PairedCompare_RegressionNamedBaselineMissing_ExitsOne()
    {
        WriteSamples("bench.paired.save_speedup", PairedSamples.SpeedupKind, 0.5);

        var (code, _, errors) = PairedCompare("--metric", "bench.paired.save_speedup.regression", "--baseline", Path.Combine(_root, "none.json"));

        Assert.Equal(1, code);
        Assert.Contains("bench.paired.save_speedup.regression: no metric", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void PairedCompare_OnlyOtherCommandsMetricsNamed_ExitsZero()
    {
        var (code, output, _) = PairedCompare("--metric", "bench.v2_file_size_ratio");

        Assert.Equal(0, code);
        Assert.Contains("nothing to compare", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--metric")]
    [InlineData("--metric", "")]
    public void BenchCompare_MetricWithoutValue_ExitTwo(params string[] extra)
    {
        Assert.Equal(2, BenchCompare(extra).Code);
    }

    private (int Code, string Output, string Errors) BenchCompare(params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "--comparisons", SamplePaths.ComparisonsFile,
            "--artifacts", _root,
            "--results", SamplePaths.SamplesDirectory,
            "--profile", "quick",
            "--failpoints", string.Empty,
            .. extra,
        ];
        var code = BenchmarkComparisonCommand.Run(args, output, error, s_now);
        return (code, output.ToString(), error.ToString());
    }

    private (int Code, string Output, string Errors) PairedCompare(params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PairedComparisonCommand.Run(["--artifacts", _root, "--profile", "ci", "--failpoints", string.Empty, .. extra], output, error, s_now);
        return (code, output.ToString(), error.ToString());
    }

    private void WriteSamples(string id, string kind, double ratio, int rounds = 48)
    {
        var directory = Path.Combine(_root, "benchmarks", "paired");
        Directory.CreateDirectory(directory);
        var samples = PairedComparisonTests.Samples(kind, ratio, rounds) with { Id = id };
        File.WriteAllText(Path.Combine(directory, id + ".json"), JsonSerializer.Serialize(samples));
    }
}
