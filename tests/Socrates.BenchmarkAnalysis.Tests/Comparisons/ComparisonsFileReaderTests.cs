using Socrates.BenchmarkAnalysis.Comparisons;

namespace Socrates.BenchmarkAnalysis.Tests.Comparisons;

[Trait("Category", "Unit")]
public sealed class ComparisonsFileReaderTests
{
    private const string Valid = """
        {
          "reference": { "type": "Ref", "method": "Fixed" },
          "defaults": { "confidence": 0.95, "relativeNoiseFloor": 0.03 },
          "comparisons": [
            { "id": "bench.a.speedup", "kind": "speedup",
              "baseline": { "type": "A", "method": "Before", "params": { "Rows": 1000, "Flag": true } },
              "candidate": { "type": "A", "method": "After", "params": { "Rows": "1000" } },
              "absoluteNoiseFloorNs": 2 },
            { "id": "bench.a.alloc", "kind": "ratio", "measure": "allocated",
              "baseline": { "type": "A", "method": "Before" }, "candidate": { "type": "A", "method": "After" } },
            { "id": "bench.a.regression", "kind": "regression", "benchmark": { "type": "A", "method": "After" } }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEntriesWithDefaultsAndOverrides()
    {
        var file = ComparisonsFileReader.Parse(Valid, "c.json");

        Assert.Equal(new BenchmarkSelector("Ref", "Fixed", new Dictionary<string, string>()).ToString(), file.Reference!.ToString());
        Assert.Equal(3, file.Comparisons.Count);
        var speedup = file.Comparisons[0];
        Assert.Equal(ComparisonKind.Speedup, speedup.Kind);
        Assert.Equal(ComparisonMeasure.Time, speedup.Measure);
        Assert.Equal(new NoiseFloors(0.95, 0.03, 2), speedup.Settings);
        Assert.Equal("1000", speedup.Baseline!.Parameters["Rows"]);
        Assert.Equal("True", speedup.Baseline.Parameters["Flag"]);
        Assert.Equal(["bench.a.speedup", "bench.a.speedup.estimate"], speedup.MetricNames);
        Assert.Equal(ComparisonMeasure.Allocated, file.Comparisons[1].Measure);
        Assert.Equal(["bench.a.alloc"], file.Comparisons[1].MetricNames);
        Assert.Equal("fraction", file.Comparisons[2].Unit);
        Assert.Equal(new NoiseFloors(0.95, 0.03, NoiseFloors.DefaultAbsoluteNs), file.Comparisons[2].Settings);
    }

    [Fact]
    public void Parse_RegressionWithOwnReference_NeedsNoFileLevelReference()
    {
        var file = ComparisonsFileReader.Parse("""{ "comparisons": [ { "id": "x", "kind": "regression", "benchmark": { "type": "A", "method": "B" }, "reference": { "type": "A", "method": "R" } } ] }""", "c.json");

        Assert.Null(file.Reference);
        Assert.Equal("A.R", file.Comparisons[0].Reference!.ToString());
    }

    [Fact]
    public void Read_RepositoryComparisonsFile_IsValid()
    {
        var file = ComparisonsFileReader.Read(SamplePaths.RepositoryComparisonsFile);

        Assert.NotNull(file.Reference);
        Assert.Contains(file.Comparisons, c => c.Id == "bench.selftest.regression" && c.Kind == ComparisonKind.Regression);
    }

    [Theory]
    [InlineData("""{ "comparisons": [ { "kind": "speedup", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "c.json: comparisons[0]: id: required")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "faster", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "c.json: comparisons[0] ('x'): kind: 'faster' is not one of speedup, ratio, regression")]
    [InlineData("""{ "comparisons": [ { "id": "Bench X", "kind": "ratio", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('Bench X'): id: 'Bench X' is not a metric name")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "baseline": { "type": "A", "method": "B" } } ] }""", "comparisons[0] ('x'): candidate: required")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "baseline": { "type": "A" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): baseline: method: required")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "speedup", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "B" } } ] }""", "candidate: the same benchmark as the baseline")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "speedup", "benchmark": { "type": "A", "method": "B" }, "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): benchmark: only a regression names one benchmark")]
    [InlineData("""{ "reference": { "type": "R", "method": "F" }, "comparisons": [ { "id": "x", "kind": "regression", "benchmark": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): candidate: a regression compares 'benchmark' with the stored baseline file")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "regression", "benchmark": { "type": "A", "method": "B" } } ] }""", "c.json: reference: required when a regression compares time")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "confidence": 0.5, "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): confidence: 0.5 is outside 0.8..0.999")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "relativeNoiseFloor": "5%", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): relativeNoiseFloor: expected a number, found String")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "treshold": 1, "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): treshold: unknown field")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "speedup", "measure": "allocated", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): measure: a speedup compares time")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "measure": "allocated", "confidence": 0.99, "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "allocated bytes are deterministic")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "baseline": { "type": "A", "method": "B", "params": { "N": null } }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): baseline: params.N: expected a string, number or boolean")]
    [InlineData("""{ "comparisons": [] }""", "c.json: comparisons: empty")]
    [InlineData("""{ "comparisons": [ { "id": "x", "kind": "ratio", "reference": { "type": "A", "method": "R" }, "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } } ] }""", "comparisons[0] ('x'): reference: only a regression is normalised by a reference benchmark")]
    [InlineData("""{ "comparison": [] }""", "c.json: root: comparison: unknown field")]
    [InlineData("""[1, 2]""", "c.json: root: expected an object")]
    public void Parse_InvalidFile_ErrorNamesFileEntryAndField(string json, string expected)
    {
        var error = Assert.Throws<ComparisonsFileException>(() => ComparisonsFileReader.Parse(json, "c.json"));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateIdsAndEstimateClash_EveryProblemReportedAtOnce()
    {
        const string json = """
            { "comparisons": [
              { "id": "x", "kind": "ratio", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "C" } },
              { "id": "x", "kind": "ratio", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "D" } },
              { "id": "x.estimate", "kind": "ratio", "measure": "allocated", "baseline": { "type": "A", "method": "B" }, "candidate": { "type": "A", "method": "D" } },
              { "id": "y", "kind": "nope" }
            ] }
            """;

        var error = Assert.Throws<ComparisonsFileException>(() => ComparisonsFileReader.Parse(json, "c.json"));

        Assert.Contains(error.Errors, e => e.Contains("metric name 'x' is written by more than one comparison", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("metric name 'x.estimate' is written by more than one comparison", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("('y'): kind: 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_ErrorNamesFileAndLine()
    {
        var error = Assert.Throws<ComparisonsFileException>(() => ComparisonsFileReader.Parse("{\n  \"comparisons\": [ oops ]\n}", "c.json"));

        Assert.StartsWith("c.json: not valid JSON (line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ErrorNamesPath()
    {
        var error = Assert.Throws<ComparisonsFileException>(() => ComparisonsFileReader.Read("/no/such/comparisons.json"));

        Assert.StartsWith("/no/such/comparisons.json: cannot be read", error.Message, StringComparison.Ordinal);
    }
}
