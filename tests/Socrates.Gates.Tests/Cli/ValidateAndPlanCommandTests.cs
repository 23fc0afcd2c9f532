using System.Text.Json;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class ValidateAndPlanCommandTests : IDisposable
{
    private readonly TempArtifacts _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_ValidFile_ExitZeroWithCounts()
    {
        _temp.WriteGates(GatesJson.Valid().ToJsonString());

        var run = CliRun.Of("validate", "--gates", _temp.GatesFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid, 2 risks, 2 gates", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GateWithoutCanary_ExitZeroWithWarning()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document).Remove("canary");
        _temp.WriteGates(document.ToJsonString());

        var run = CliRun.Of("validate", "--gates", _temp.GatesFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning:", run.Output, StringComparison.Ordinal);
        Assert.Contains("gate 'roundtrip', field 'canary': no canary", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidFile_ExitTwoListingEveryProblem()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["fail"] = "NaN";
        GatesJson.Gate(document, 1)["id"] = "roundtrip";
        _temp.WriteGates(document.ToJsonString());

        var run = CliRun.Of("validate", "--gates", _temp.GatesFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2 problems", run.Error, StringComparison.Ordinal);
        Assert.Contains("field 'fail'", run.Error, StringComparison.Ordinal);
        Assert.Contains("duplicate gate id 'roundtrip'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_ExitTwo()
    {
        var run = CliRun.Of("validate", "--gates", Path.Combine(_temp.Directory, "absent.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("absent.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanCanaries_Full_EveryGateWithCanary()
    {
        _temp.WriteGates(GatesJson.Valid().ToJsonString());

        var run = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "full");

        Assert.Equal(0, run.ExitCode);
        using var plan = JsonDocument.Parse(run.Output);
        var entries = plan.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("roundtrip", entries[0].GetProperty("gate").GetString());
        Assert.Equal("unit", entries[0].GetProperty("suite").GetString());
        Assert.Equal("v2.save.drop-field", entries[0].GetProperty("failpoint").GetString());
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("fixture").ValueKind);
        Assert.Equal("lost-updates", entries[1].GetProperty("gate").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("failpoint").ValueKind);
        Assert.Equal("fixtures/canaries/lost-update.json", entries[1].GetProperty("fixture").GetString());
    }

    [Fact]
    public void PlanCanaries_TwoGatesWithTheSameRun_SecondReusesTheFirst()
    {
        var document = GatesJson.Valid();
        var gates = document["gates"]!.AsArray();
        var copy = gates[0]!.DeepClone();
        copy["id"] = "roundtrip-again";
        gates.Add(copy);
        var other = gates[0]!.DeepClone();
        other["id"] = "roundtrip-in-properties";
        other["suite"] = "properties";
        gates.Add(other);
        _temp.WriteGates(document.ToJsonString());

        var run = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "full");

        Assert.Equal(0, run.ExitCode);
        using var plan = JsonDocument.Parse(run.Output);
        var sameRunAs = plan.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("gate").GetString()!,
            e => e.GetProperty("sameRunAs").ValueKind == JsonValueKind.Null ? null : e.GetProperty("sameRunAs").GetString());
        Assert.Null(sameRunAs["roundtrip"]);
        Assert.Null(sameRunAs["lost-updates"]);
        Assert.Equal("roundtrip", sameRunAs["roundtrip-again"]);
        // The same failpoint in another suite is another run.
        Assert.Null(sameRunAs["roundtrip-in-properties"]);
    }

    [Fact]
    public void PlanCanaries_QuickAndGateWithoutCanary_OnlyApplicableWithCanary()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document).Remove("canary");
        _temp.WriteGates(document.ToJsonString());

        var quick = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "quick");
        var full = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "full");

        using var quickPlan = JsonDocument.Parse(quick.Output);
        Assert.Empty(quickPlan.RootElement.EnumerateArray());
        using var fullPlan = JsonDocument.Parse(full.Output);
        Assert.Equal("lost-updates", Assert.Single(fullPlan.RootElement.EnumerateArray()).GetProperty("gate").GetString());
    }

    [Fact]
    public void PlanCanaries_NoProfile_ExitTwo()
    {
        _temp.WriteGates(GatesJson.Valid().ToJsonString());

        Assert.Equal(2, CliRun.Of("plan-canaries", "--gates", _temp.GatesFile).ExitCode);
    }

    [Theory]
    [InlineData]
    [InlineData("launch")]
    public void Run_NoOrUnknownCommand_ExitTwoWithUsage(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitZeroWithUsage()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("plan-canaries", run.Output, StringComparison.Ordinal);
    }
}
