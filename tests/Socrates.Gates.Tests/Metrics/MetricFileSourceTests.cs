using Socrates.Evidence;
using Socrates.Gates.Metrics;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class MetricFileSourceTests
{
    [Fact]
    public void Read_SingleObjectFile_AllFields()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "search.recall_at_10.json"), """
            {"name":"search.recall_at_10","value":0.973,"unit":"ratio","evidence":"evidence/accuracy/recall.json",
             "suite":"accuracy","profile":"ci","failpoints":["search.ivf.force-probes-1"],"writtenAt":"2026-11-22T10:00:00+00:00",
             "somethingNew":{"ignored":true}}
            """);

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Empty(result.Problems);
        var sample = Assert.Single(result.Samples);
        Assert.Equal("search.recall_at_10", sample.Name);
        Assert.Equal(0.973, sample.Value);
        Assert.Equal("ratio", sample.Unit);
        Assert.Equal("evidence/accuracy/recall.json", sample.Evidence);
        Assert.Equal("accuracy", sample.Suite);
        Assert.Equal("ci", sample.Profile);
        Assert.Equal(["search.ivf.force-probes-1"], sample.Failpoints);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), sample.WrittenAt);
        Assert.Equal("metrics/search.recall_at_10.json", sample.Origin);
    }

    [Fact]
    public void Read_ListFile_EveryMetric()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "integrity.json"), """
            {"metrics":[{"name":"a","value":1},{"name":"b","value":2.5,"unit":"ms"}]}
            """);

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Equal([("a", 1.0), ("b", 2.5)], result.Samples.Select(s => (s.Name, s.Value)));
        Assert.All(result.Samples, s => Assert.Equal("metrics/integrity.json", s.Origin));
        Assert.Null(result.Samples[0].Evidence);
        Assert.Equal("metrics/integrity.json", result.Samples[0].EvidenceOrOrigin);
    }

    [Theory]
    [InlineData("""{"value":1}""", "no 'name'")]
    [InlineData("""{"name":"a"}""", "no finite numeric 'value'")]
    [InlineData("""{"name":"a","value":"0.9"}""", "no finite numeric 'value'")]
    [InlineData("""{"name":"a","value":null}""", "no finite numeric 'value'")]
    [InlineData("""[1,2]""", "expected a metric object")]
    [InlineData("""{"metrics":{}}""", "must be an array")]
    [InlineData("""{"name":"a", """, "malformed JSON")]
    public void Read_BadFile_ProblemNamingFileAndNoFigure(string content, string expected)
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "bad.json"), content);

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Empty(result.Samples);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("metrics/bad.json", problem.Source);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OneBadEntryInList_OthersKept()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "m.json"), """{"metrics":[{"name":"a","value":1},{"name":"b"}]}""");

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Equal("a", Assert.Single(result.Samples).Name);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Read_UnreadableWrittenAt_UndatedWithProblem()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "m.json"), """{"name":"a","value":1,"writtenAt":"yesterday"}""");

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Null(Assert.Single(result.Samples).WrittenAt);
        Assert.Contains("writtenAt", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhatTheTestKitWrites_Readable()
    {
        // The shape Socrates.Testing's MetricsWriter writes (MetricRecord, indented).
        using var temp = new TempArtifacts();
        temp.WriteMetric("v2.roundtrip.equality_rate", 1.0, evidence: "evidence/unit/roundtrip.json", failpoints: ["v2.save.drop-field"]);

        var sample = Assert.Single(new MetricFileSource().Read(temp.Root).Samples);

        Assert.Equal(("v2.roundtrip.equality_rate", 1.0, "evidence/unit/roundtrip.json"), (sample.Name, sample.Value, sample.Evidence));
        Assert.Equal(["v2.save.drop-field"], sample.Failpoints);
    }

    [Fact]
    public void Read_WriterFields_TestAssemblyStatusReason()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "soak.heap.json"), """
            {"name":"soak.heap","value":322,"unit":"B/op","test":"Ns.SoakTests.Heap_PerOp_Bounded","assembly":"Socrates.Core.Tests.dll",
             "status":"inconclusive","reason":"spread 45 % after 5 tries"}
            """);

        var sample = Assert.Single(new MetricFileSource().Read(temp.Root).Samples);

        Assert.Equal("Ns.SoakTests.Heap_PerOp_Bounded", sample.Test);
        Assert.Equal("Socrates.Core.Tests.dll", sample.Assembly);
        Assert.Equal(MetricStatus.Inconclusive, sample.Status);
        Assert.Equal("spread 45 % after 5 tries", sample.Reason);
    }

    [Fact]
    public void Read_NoStatus_Measured()
    {
        using var temp = new TempArtifacts();
        temp.WriteMetric("a", 1);

        var sample = Assert.Single(new MetricFileSource().Read(temp.Root).Samples);

        Assert.Equal(MetricStatus.Measured, sample.Status);
        Assert.Null(sample.Test);
    }

    [Fact]
    public void Read_UnknownStatus_InconclusiveAndProblem()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "a.json"), """{"name":"a","value":1,"status":"guessed"}""");

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Equal(MetricStatus.Inconclusive, Assert.Single(result.Samples).Status);
        Assert.Contains("unknown status 'guessed'", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InconclusiveWithoutValue_KeptWithoutReading()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "a.json"), """{"name":"a","status":"inconclusive","reason":"busy"}""");

        var result = new MetricFileSource().Read(temp.Root);

        Assert.Empty(result.Problems);
        Assert.True(double.IsNaN(Assert.Single(result.Samples).Value));
    }

    [Fact]
    public void SchemaFile_MetricFileDefinition_NamesTheWriterFieldsAndStatuses()
    {
        var schemaPath = Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.schema.json");
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(schemaPath));
        var metricFile = schema.RootElement.GetProperty("$defs").GetProperty("metricFile").GetProperty("properties");

        foreach (var field in new[] { "name", "value", "unit", "evidence", "suite", "profile", "failpoints", "writtenAt", "test", "assembly", "status", "reason" })
        {
            Assert.True(metricFile.TryGetProperty(field, out _), $"metricFile lacks '{field}'");
        }

        Assert.Equal(
            [MetricFileSource.Measured, MetricFileSource.Inconclusive],
            metricFile.GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
