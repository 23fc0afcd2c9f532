using System.Text.Json.Nodes;
using Socrates.BenchmarkAnalysis.Results;

namespace Socrates.BenchmarkAnalysis.Tests.Results;

[Trait("Category", "Unit")]
public sealed class BenchmarkResultsReaderTests
{
    [Fact]
    public void ReadDirectory_RealBenchmarkDotNetOutput_ReadsEveryBenchmarkWithResultSamples()
    {
        var run = BenchmarkResultsReader.ReadDirectory(SamplePaths.SamplesDirectory);

        Assert.Empty(run.Errors);
        Assert.Equal(3, run.Files.Count);
        Assert.Equal(7, run.Benchmarks.Count);
        Assert.Contains("BenchmarkDotNet 0.14.0", run.Host, StringComparison.Ordinal);

        var seek = Assert.Single(run.Benchmarks, b => b.Method == "PrimaryKeySelect");
        Assert.Equal("Socrates.Benchmarks.Sqlite.SqliteFloorBenchmarks.PrimaryKeySelect(Rows: 1000)", seek.FullName);
        Assert.Equal("SqliteFloorBenchmarks", seek.Type);
        Assert.Equal("Socrates.Benchmarks.Sqlite", seek.Namespace);
        Assert.Equal("1000", seek.Parameters["Rows"]);
        Assert.Equal("Rows=1000", seek.ParametersText);
        Assert.Equal(1636, seek.BytesAllocatedPerOperation);

        // Only the workload "Result" iterations (10 in the quick profile; BenchmarkDotNet may remove upper outliers).
        Assert.Equal(10, seek.SamplesNs.Count);
        Assert.Equal(9, run.Benchmarks.Single(b => b.FullName == "Socrates.Benchmarks.SelfTest.SelfTestBenchmarks.Fast").SamplesNs.Count);
        Assert.All(seek.SamplesNs, s => Assert.InRange(s, 1_000, 1_000_000));
    }

    [Fact]
    public void ReadFile_SamplesAreNanosecondsPerOperationOfResultIterations()
    {
        var path = Path.Combine(SamplePaths.SamplesDirectory, "Socrates.Benchmarks.SelfTest.SelfTestBenchmarks-report-full.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var fast = json["Benchmarks"]!.AsArray().Single(b => (string?)b!["Method"] == "Fast")!;
        var expected = fast["Measurements"]!.AsArray()
            .Where(m => (string?)m!["IterationMode"] == "Workload" && (string?)m["IterationStage"] == "Result")
            .Select(m => (double)m!["Nanoseconds"]! / (double)m["Operations"]!)
            .ToArray();

        var (benchmarks, errors, _) = BenchmarkResultsReader.ReadFile(path);

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(benchmarks, b => b.Method == "Fast").SamplesNs);
        Assert.Equal((double)fast["Statistics"]!["Median"]!, Socrates.BenchmarkAnalysis.Statistics.SampleStatistics.Median(expected), 6);
    }

    [Fact]
    public void ReadDirectory_BenchmarkWithoutMeasurements_LeftOutAndNamedAsError()
    {
        using var temp = SamplePaths.Temporary();
        var source = Path.Combine(SamplePaths.SamplesDirectory, "Socrates.Benchmarks.SelfTest.SelfTestBenchmarks-report-full.json");
        var json = JsonNode.Parse(File.ReadAllText(source))!;
        var slow = json["Benchmarks"]!.AsArray().Single(b => (string?)b!["Method"] == "Slow")!.AsObject();
        slow.Remove("Measurements");
        slow.Remove("Statistics");
        File.WriteAllText(temp.Combine("Failed-report-full.json"), json.ToJsonString());

        var run = BenchmarkResultsReader.ReadDirectory(temp.Path);

        Assert.Equal(["Fast", "Reference"], run.Benchmarks.Select(b => b.Method).Order(StringComparer.Ordinal));
        Assert.Contains(run.Errors, e => e.Contains("SelfTestBenchmarks.Slow' has no measurements", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadDirectory_MissingFolderOrNoReports_ErrorsAndNoBenchmarks()
    {
        using var temp = SamplePaths.Temporary();

        var missing = BenchmarkResultsReader.ReadDirectory(temp.Combine("nope"));
        var empty = BenchmarkResultsReader.ReadDirectory(temp.Path);

        Assert.Empty(missing.Benchmarks);
        Assert.Contains("does not exist", Assert.Single(missing.Errors), StringComparison.Ordinal);
        Assert.Contains("holds no *-report-full.json", Assert.Single(empty.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDirectory_CorruptReport_ErrorNamesTheFile()
    {
        using var temp = SamplePaths.Temporary();
        File.WriteAllText(temp.Combine("Broken-report-full.json"), "{ \"Benchmarks\": [ ");

        var run = BenchmarkResultsReader.ReadDirectory(temp.Path);

        Assert.StartsWith("Broken-report-full.json: not valid JSON", Assert.Single(run.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Rows=1000", 1)]
    [InlineData("A=1&Mode=x=y", 2)]
    public void ParseParameters_BenchmarkDotNetText_SplitsPairs(string text, int count)
    {
        var parameters = BenchmarkResultsReader.ParseParameters(text);

        Assert.Equal(count, parameters.Count);
        if (count == 2)
        {
            Assert.Equal("x=y", parameters["Mode"]);
        }
    }
}
