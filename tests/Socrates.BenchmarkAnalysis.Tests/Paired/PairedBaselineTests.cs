using Socrates.Evidence;
using System.Text.Json;
using Socrates.BenchmarkAnalysis.Baselines;
using Socrates.BenchmarkAnalysis.Output;
using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis.Tests.Paired;

/// <summary>paired-baseline writes the stored runs; paired-compare --baseline judges a run against them.</summary>
[Trait("Category", "Unit")]
public sealed class PairedBaselineTests : IDisposable
{
    private const string Id = "bench.paired.point_load_overhead";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "paired-baseline-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void PairedBaseline_FourRuns_WritesEachRunsRatio()
    {
        var runs = WriteRuns(1.10, 1.15, 1.12, 1.18);
        var path = Path.Combine(_root, "paired-ci.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = PairedBaselineCommand.Run(["--runs", runs, "--out", path, "--profile", "ci"], output, error, DateTimeOffset.UnixEpoch);

        Assert.Equal(0, code);
        var file = PairedBaselineFile.Read(path);
        Assert.Equal("ci", file.Profile);
        var entry = file.Pairs[Id];
        Assert.Equal(4, entry.Runs.Count);
        Assert.InRange(entry.Runs[0], 1.08, 1.12);
        Assert.InRange(entry.Runs[3], 1.16, 1.20);
    }

    [Fact]
    public void PairedBaseline_TooFewRunsOrACanaryRun_WritesNothing()
    {
        var path = Path.Combine(_root, "paired-ci.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(1, PairedBaselineCommand.Run(["--runs", WriteRuns(1.1, 1.2), "--out", path, "--profile", "ci"], output, error, DateTimeOffset.UnixEpoch));
        Assert.Contains("too few usable runs", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));

        var canary = WriteRuns(1.1, 1.2, 1.15);
        var sample = PairedComparisonTests.Samples(PairedSamples.RatioKind, 3) with { Id = Id, Profile = "ci", Failpoints = ["v2.load.delay"] };
        File.WriteAllText(Path.Combine(canary, "run-1", Id + ".json"), JsonSerializer.Serialize(sample));
        Assert.Equal(2, PairedBaselineCommand.Run(["--runs", canary, "--out", path, "--profile", "ci"], output, error, DateTimeOffset.UnixEpoch));
        Assert.Contains("clean runs", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void PairedBaselineFile_Invalid_TypedErrorNamingTheProblem()
    {
        var path = Path.Combine(_root, "bad.json");
        Assert.Contains("does not exist", Assert.Throws<BaselineFileException>(() => PairedBaselineFile.Read(path)).Message, StringComparison.Ordinal);

        Directory.CreateDirectory(_root);
        File.WriteAllText(path, "{\"profile\":\"ci\",\"pairs\":{\"a\":{\"kind\":\"ratio\",\"runs\":[1.1,-1,1.2]}}}");
        Assert.Contains("run 1", Assert.Throws<BaselineFileException>(() => PairedBaselineFile.Read(path)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, "not json");
        Assert.Contains("not a paired baseline", Assert.Throws<BaselineFileException>(() => PairedBaselineFile.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PairedCompare_WithBaseline_CleanRunPassesAndSlowRunIsARegression()
    {
        var baseline = Path.Combine(_root, "paired-ci.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, PairedBaselineCommand.Run(["--runs", WriteRuns(1.10, 1.15, 1.12, 1.18, 1.14), "--out", baseline, "--profile", "ci"], output, error, DateTimeOffset.UnixEpoch));

        Assert.Equal(0, Regression(1.16, baseline));
        Assert.InRange(Regression(1.14 * 1.6, baseline), 0.5, 0.7);
        Assert.Contains("Against the stored baseline", File.ReadAllText(Path.Combine(_root, "run", "report-sections", "benchmarks-paired.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void PairedCompare_BaselineMissingOrOtherProfile_NoRegressionMetricAndExitOne()
    {
        var baseline = Path.Combine(_root, "paired-quick.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, PairedBaselineCommand.Run(["--runs", WriteRuns(1.10, 1.15, 1.12), "--out", baseline, "--profile", "ci"], output, error, DateTimeOffset.UnixEpoch));
        File.WriteAllText(baseline, File.ReadAllText(baseline).Replace("\"ci\"", "\"quick\"", StringComparison.Ordinal));

        var artifacts = Path.Combine(_root, "run");
        WriteRun(Path.Combine(artifacts, "benchmarks", "paired"), 1.12, "ci");
        var metrics = Path.Combine(artifacts, "metrics");
        Directory.CreateDirectory(metrics);
        File.WriteAllText(MetricFileWriter.PathOf(metrics, Id + ".regression"), "{}");

        Assert.Equal(1, PairedComparisonCommand.Run(["--artifacts", artifacts, "--profile", "ci", "--baseline", baseline], output, error, DateTimeOffset.UnixEpoch));
        Assert.Contains("profile 'quick'", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(MetricFileWriter.PathOf(metrics, Id + ".regression")), "a stale regression metric survived");
        Assert.True(File.Exists(MetricFileWriter.PathOf(metrics, Id)), "the comparison itself must still be written");

        Assert.Equal(1, PairedComparisonCommand.Run(["--artifacts", artifacts, "--profile", "ci", "--baseline", Path.Combine(_root, "none.json")], output, error, DateTimeOffset.UnixEpoch));
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    private double Regression(double ratio, string baseline)
    {
        var artifacts = Path.Combine(_root, "run");
        WriteRun(Path.Combine(artifacts, "benchmarks", "paired"), ratio, "ci");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, PairedComparisonCommand.Run(["--artifacts", artifacts, "--profile", "ci", "--baseline", baseline], output, error, DateTimeOffset.UnixEpoch));
        return JsonSerializer.Deserialize<MetricRecord>(File.ReadAllText(MetricFileWriter.PathOf(Path.Combine(artifacts, "metrics"), Id + ".regression")))!.Value;
    }

    private string WriteRuns(params double[] ratios)
    {
        var runs = Path.Combine(_root, "runs-" + Guid.NewGuid().ToString("N"));
        for (var i = 0; i < ratios.Length; i++)
        {
            WriteRun(Path.Combine(runs, "run-" + i), ratios[i], "ci");
        }

        return runs;
    }

    private static void WriteRun(string directory, double ratio, string profile)
    {
        Directory.CreateDirectory(directory);
        var sample = PairedComparisonTests.Samples(PairedSamples.RatioKind, ratio, noise: 0.01) with { Id = Id, Profile = profile };
        File.WriteAllText(Path.Combine(directory, Id + ".json"), JsonSerializer.Serialize(sample));
    }
}
