using Socrates.Evidence;
using System.Text.Json;
using Socrates.BenchmarkAnalysis.Output;
using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis.Tests.Paired;

[Trait("Category", "Unit")]
public sealed class PairedComparisonCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "paired-compare-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Run_SamplesOnDisk_WritesMetricsEvidenceAndSection()
    {
        var directory = Path.Combine(_root, "benchmarks", "paired");
        Directory.CreateDirectory(directory);
        var speedup = PairedComparisonTests.Samples(PairedSamples.SpeedupKind, 0.5) with { Id = "bench.paired.save_speedup" };
        var ratio = PairedComparisonTests.Samples(PairedSamples.RatioKind, 2.4) with { Id = "bench.paired.cache_hit_overhead" };
        File.WriteAllText(Path.Combine(directory, speedup.Id + ".json"), JsonSerializer.Serialize(speedup));
        File.WriteAllText(Path.Combine(directory, ratio.Id + ".json"), JsonSerializer.Serialize(ratio));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = PairedComparisonCommand.Run(["--artifacts", _root, "--profile", "ci"], output, error, DateTimeOffset.UnixEpoch);

        Assert.Equal(0, code);
        var metrics = Path.Combine(_root, "metrics");
        var save = JsonSerializer.Deserialize<MetricRecord>(File.ReadAllText(MetricFileWriter.PathOf(metrics, "bench.paired.save_speedup")))!;
        var cache = JsonSerializer.Deserialize<MetricRecord>(File.ReadAllText(MetricFileWriter.PathOf(metrics, "bench.paired.cache_hit_overhead")))!;
        Assert.InRange(save.Value, 1.85, 2.0);
        Assert.InRange(cache.Value, 2.4, 2.6);
        Assert.Equal("benchmarks", save.Suite);
        Assert.Equal("ci", save.Profile);
        Assert.Equal("benchmarks/paired-comparisons.json", save.Evidence);
        Assert.True(File.Exists(MetricFileWriter.PathOf(metrics, "bench.paired.save_speedup.estimate")));
        Assert.True(File.Exists(Path.Combine(_root, "benchmarks", "paired-comparisons.json")));
        Assert.Contains("bench.paired.cache_hit_overhead", File.ReadAllText(Path.Combine(_root, "report-sections", "benchmarks-paired.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_root, "report-sections", "benchmarks-paired.html"));
        Assert.Equal(2, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.Contains("bench.paired.save_speedup", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_TooFewRounds_RemovesStaleMetricAndExitsOne()
    {
        var directory = Path.Combine(_root, "benchmarks", "paired");
        Directory.CreateDirectory(directory);
        var few = PairedComparisonTests.Samples(PairedSamples.RatioKind, 2, rounds: 4) with { Id = "bench.paired.x" };
        File.WriteAllText(Path.Combine(directory, "x.json"), JsonSerializer.Serialize(few));
        var metrics = Path.Combine(_root, "metrics");
        Directory.CreateDirectory(metrics);
        File.WriteAllText(MetricFileWriter.PathOf(metrics, "bench.paired.x"), "{}");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = PairedComparisonCommand.Run(["--artifacts", _root], output, error, DateTimeOffset.UnixEpoch);

        Assert.Equal(1, code);
        Assert.False(File.Exists(MetricFileWriter.PathOf(metrics, "bench.paired.x")));
        Assert.Contains("too few", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoSamples_ExitsOne()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(1, PairedComparisonCommand.Run(["--artifacts", _root], output, error, DateTimeOffset.UnixEpoch));
        Assert.Equal(2, PairedComparisonCommand.Run(["--artifacts", _root, "--confidence", "2"], output, error, DateTimeOffset.UnixEpoch));
    }
}
