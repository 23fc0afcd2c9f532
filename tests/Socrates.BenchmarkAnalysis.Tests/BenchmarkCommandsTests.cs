using System.Text.Json;
using System.Text.Json.Nodes;
using Socrates.BenchmarkAnalysis;
using Socrates.BenchmarkAnalysis.Baselines;

namespace Socrates.BenchmarkAnalysis.Tests;

[Trait("Category", "Unit")]
public sealed class BenchmarkCommandsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BenchCompare_RealSampleWithItsOwnBaseline_WritesEveryMetricAndEvidence()
    {
        using var temp = SamplePaths.Temporary();
        var baselinePath = temp.Combine("baselines", "quick.json");
        Assert.Equal(0, Baseline(temp, baselinePath, out _, out var baselineErrors));
        Assert.Equal(string.Empty, baselineErrors);

        var (exitCode, output, errors) = Compare(temp, "--baseline", baselinePath);

        // The sample has no logging benchmarks: those two comparisons must be missing, not invented.
        Assert.Equal(1, exitCode);
        Assert.Contains("bench.logging.disabled_overhead: no metric: baseline: no benchmark result matches LoggingOverheadBenchmarks.NoLogging", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("artifacts", "metrics", "bench.logging.disabled_overhead.json")));
        Assert.Contains("5 of 7 comparisons measured", output, StringComparison.Ordinal);

        var metric = JsonNode.Parse(File.ReadAllText(temp.Combine("artifacts", "metrics", "bench.selftest.speedup.json")))!.AsObject();
        // The one metric record every suite writes: no test wrote it, and it was measured.
        Assert.Equal(["name", "value", "unit", "evidence", "suite", "profile", "failpoints", "writtenAt", "test", "assembly", "status", "reason"], metric.Select(p => p.Key));
        Assert.Equal("measured", (string?)metric["status"]);
        Assert.Equal("bench.selftest.speedup", (string?)metric["name"]);
        Assert.InRange((double)metric["value"]!, 2, 8);
        Assert.Equal("x", (string?)metric["unit"]);
        Assert.Equal("benchmarks/comparisons.json", (string?)metric["evidence"]);
        Assert.Equal("benchmarks", (string?)metric["suite"]);
        Assert.Equal("quick", (string?)metric["profile"]);
        Assert.Empty(metric["failpoints"]!.AsArray());
        Assert.True(File.Exists(temp.Combine("artifacts", "metrics", "bench.selftest.speedup.estimate.json")));

        // The run compared with its own baseline: no regression.
        var regression = JsonNode.Parse(File.ReadAllText(temp.Combine("artifacts", "metrics", "bench.selftest.regression.json")))!;
        Assert.Equal(0, (double)regression["value"]!);
        Assert.Equal("fraction", (string?)regression["unit"]);

        var evidence = JsonNode.Parse(File.ReadAllText(temp.Combine("artifacts", "benchmarks", "comparisons.json")))!;
        var comparisons = evidence["comparisons"]!.AsArray();
        Assert.Equal(7, comparisons.Count);
        Assert.Equal(2, comparisons.Count(c => (string?)c!["status"] == "error"));
        var speedup = comparisons.Single(c => (string?)c!["id"] == "bench.selftest.speedup")!;
        Assert.Equal("exact", (string?)speedup["test"]!["method"]);
        Assert.True(speedup["baseline"]!["samples"]!.AsArray().Count >= 8);
        Assert.True(File.Exists(temp.Combine("artifacts", "benchmarks", "comparisons.md")));
        Assert.Contains("<svg", File.ReadAllText(temp.Combine("artifacts", "benchmarks", "comparisons.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void BenchCompare_NoBaselineFile_RegressionsMissingOthersWritten()
    {
        using var temp = SamplePaths.Temporary();

        var (exitCode, _, errors) = Compare(temp, "--baseline", temp.Combine("none.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("bench.selftest.regression: no metric: the stored baseline", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("artifacts", "metrics", "bench.selftest.regression.json")));
        Assert.True(File.Exists(temp.Combine("artifacts", "metrics", "bench.sqlite.point_select_speedup.json")));
    }

    [Fact]
    public void BenchCompare_StaleMetricFromEarlierRun_RemovedWhenComparisonFails()
    {
        using var temp = SamplePaths.Temporary();
        var stale = temp.Combine("artifacts", "metrics", "bench.logging.enabled_overhead.json");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, """{ "name": "bench.logging.enabled_overhead", "value": 1.0 }""");

        Compare(temp);

        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void BenchCompare_FailpointsFromArgument_RecordedInMetric()
    {
        using var temp = SamplePaths.Temporary();

        Compare(temp, "--failpoints", "bench.selftest.delay");

        var metric = JsonNode.Parse(File.ReadAllText(temp.Combine("artifacts", "metrics", "bench.selftest.speedup.json")))!;
        Assert.Equal("bench.selftest.delay", (string?)Assert.Single(metric["failpoints"]!.AsArray()));
    }

    [Theory]
    [InlineData("--comparisons")]
    [InlineData("--bogus", "1")]
    public void BenchCompare_BadUsage_ExitTwo(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, BenchmarkComparisonCommand.Run(args, output, error, s_now));
        Assert.StartsWith("bench-compare: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BenchCompare_InvalidComparisonsFile_ExitTwoAndListsProblems()
    {
        using var temp = SamplePaths.Temporary();
        var file = temp.Combine("comparisons.json");
        File.WriteAllText(file, """{ "comparisons": [ { "id": "x", "kind": "wrong" } ] }""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = BenchmarkComparisonCommand.Run(["--comparisons", file, "--artifacts", temp.Combine("artifacts")], output, error, s_now);

        Assert.Equal(2, exitCode);
        Assert.Contains("kind: 'wrong' is not one of", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("artifacts", "metrics")));
    }

    [Fact]
    public void Baseline_WritesNormalisedSamplesThatReadBack()
    {
        using var temp = SamplePaths.Temporary();
        var path = temp.Combine("quick.json");

        Assert.Equal(0, Baseline(temp, path, out var output, out _));

        var baseline = BaselineStore.Read(path)!;
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        Assert.Equal("quick", baseline.Profile);
        Assert.Equal(s_now, baseline.CreatedAt);
        Assert.Equal(7, baseline.Benchmarks.Count);
        var reference = baseline.Find(baseline.Reference.FullName)!;
        Assert.Equal(1, Socrates.BenchmarkAnalysis.Statistics.SampleStatistics.Median(reference.NormalisedSamples), 12);
        Assert.Equal("Rows=1000", baseline.Benchmarks.Single(b => b.Method == "PrimaryKeySelect").Parameters);
    }

    [Fact]
    public void Baseline_WhileFailpointActive_Refuses()
    {
        using var temp = SamplePaths.Temporary();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = BaselineCommand.Run(
            ["--comparisons", SamplePaths.ComparisonsFile, "--results", SamplePaths.SamplesDirectory, "--profile", "quick", "--out", temp.Combine("b.json"), "--failpoints", "bench.selftest.delay"],
            output,
            error,
            s_now);

        Assert.Equal(1, exitCode);
        Assert.Contains("refusing to write a baseline while failpoints are active", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("b.json")));
    }

    [Fact]
    public void Baseline_IncompleteRun_Refuses()
    {
        using var temp = SamplePaths.Temporary();
        var results = temp.Combine("results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "X-report-full.json"), """{ "Benchmarks": [ { "FullName": "A.B.C", "Type": "B", "Method": "C" } ] }""");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = BaselineCommand.Run(["--comparisons", SamplePaths.ComparisonsFile, "--results", results, "--profile", "ci", "--out", temp.Combine("b.json"), "--failpoints", ""], output, error, s_now);

        Assert.Equal(1, exitCode);
        Assert.Contains("incomplete run", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'A.B.C' has no measurements", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineStore_Read_InvalidFile_ThrowsWithPath()
    {
        using var temp = SamplePaths.Temporary();
        var path = temp.Combine("bad.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { version = 1, profile = "ci", createdAt = s_now, reference = new { fullName = "R", medianNs = 1.0 }, benchmarks = new[] { new { fullName = "A", normalisedSamples = new[] { 1.0, -2.0 } } } }));

        var error = Assert.Throws<BaselineFileException>(() => BaselineStore.Read(path));

        Assert.Contains("bad.json': benchmark 'A' needs a non-empty list of positive, finite normalisedSamples", error.Message, StringComparison.Ordinal);
        Assert.Null(BaselineStore.Read(temp.Combine("absent.json")));
    }

    private static (int ExitCode, string Output, string Errors) Compare(SamplePaths.TemporaryDirectory temp, params string[] extra)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "--comparisons", SamplePaths.ComparisonsFile,
            "--artifacts", temp.Combine("artifacts"),
            "--results", SamplePaths.SamplesDirectory,
            "--profile", "quick",
            .. extra.Contains("--failpoints") ? [] : new[] { "--failpoints", string.Empty },
            .. extra,
        ];
        var exitCode = BenchmarkComparisonCommand.Run(args, output, error, s_now);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static int Baseline(SamplePaths.TemporaryDirectory temp, string path, out string output, out string errors)
    {
        using var outputWriter = new StringWriter();
        using var errorWriter = new StringWriter();
        var exitCode = BaselineCommand.Run(
            ["--comparisons", SamplePaths.ComparisonsFile, "--results", SamplePaths.SamplesDirectory, "--profile", "quick", "--out", path, "--failpoints", ""],
            outputWriter,
            errorWriter,
            s_now);
        output = outputWriter.ToString();
        errors = errorWriter.ToString();
        return exitCode;
    }
}
