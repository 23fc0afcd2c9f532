using System.Text.Json;
using Socrates.Gates.Artifacts;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class SuiteRunReaderTests
{
    [Fact]
    public void Parse_PipelineRecord_AllFields()
    {
        var runs = Parse("""[{"suite":"unit","exitCode":0,"durationSeconds":12.3,"status":"passed","log":"logs/unit.log"}]""", out var problems);

        Assert.Equal(new SuiteRun("unit", 0, 12.3, "passed", "logs/unit.log"), Assert.Single(runs));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_NonZeroExitCodeSaysPassed_ShownFailed()
    {
        var runs = Parse("""[{"suite":"stress","exitCode":3,"status":"passed"}]""", out _);

        Assert.Equal("failed", Assert.Single(runs).Status);
    }

    [Fact]
    public void Parse_NoStatus_FromExitCode()
    {
        var runs = Parse("""[{"suite":"a","exitCode":0},{"suite":"b"}]""", out _);

        Assert.Equal(["passed", "unknown"], runs.Select(r => r.Status));
    }

    [Fact]
    public void Parse_EntryWithoutSuite_IgnoredWithProblem()
    {
        var runs = Parse("""[{"exitCode":0}]""", out var problems);

        Assert.Empty(runs);
        Assert.Single(problems);
    }

    private static IReadOnlyList<SuiteRun> Parse(string json, out List<InputProblem> problems)
    {
        problems = [];
        using var document = JsonDocument.Parse(json);
        return SuiteRunReader.Parse(document.RootElement, problems);
    }
}
