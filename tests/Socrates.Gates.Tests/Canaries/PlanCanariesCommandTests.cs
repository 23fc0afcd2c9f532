using System.Text.Json;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Canaries;

[Trait("Category", "Unit")]
public sealed class PlanCanariesCommandTests : IDisposable
{
    private readonly TempArtifacts _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PlanCanaries_CleanRunWithWriters_EachGateRerunsOnlyItsWriterTests()
    {
        _temp.WriteGates(GatesJson.Valid().ToJsonString());
        WriteMetric("v2.roundtrip.equality_rate", "Socrates.Core.Tests.dll", "Ns.RoundTripTests.Save_Load_Equal");
        WriteMetric("race.lost_updates", "Socrates.Properties.Tests.dll", "Ns.RaceTests.Lost");

        var run = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "full", "--artifacts", _temp.Root);

        Assert.Equal(0, run.ExitCode);
        using var plan = JsonDocument.Parse(run.Output);
        var runs = plan.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal("roundtrip", Assert.Single(runs[0].GetProperty("gates").EnumerateArray()).GetString());
        Assert.Equal("v2.save.drop-field", runs[0].GetProperty("failpoint").GetString());
        var target = Assert.Single(runs[0].GetProperty("tests").EnumerateArray());
        Assert.Equal("Socrates.Core.Tests.dll", target.GetProperty("assembly").GetString());
        Assert.Equal("FullyQualifiedName=Ns.RoundTripTests.Save_Load_Equal", target.GetProperty("filter").GetString());
        Assert.Equal("fixtures/canaries/lost-update.json", runs[1].GetProperty("fixture").GetString());
        Assert.Empty(runs[0].GetProperty("problems").EnumerateObject());
    }

    [Fact]
    public void PlanCanaries_NoArtifactsFolder_ExitTwoSayingWhy()
    {
        _temp.WriteGates(GatesJson.Valid().ToJsonString());

        var run = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "full", "--artifacts", Path.Combine(_temp.Directory, "absent"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("clean run", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanCanaries_NoProfile_ExitTwo()
    {
        _temp.WriteGates(GatesJson.Valid().ToJsonString());

        Assert.Equal(2, CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--artifacts", _temp.Root).ExitCode);
    }

    private void WriteMetric(string name, string assembly, string test) =>
        TempArtifacts.WriteFile(
            Path.Combine(_temp.Root, "metrics", name + ".json"),
            JsonSerializer.Serialize(new { name, value = 1.0, unit = "ratio", assembly, test }));
}
