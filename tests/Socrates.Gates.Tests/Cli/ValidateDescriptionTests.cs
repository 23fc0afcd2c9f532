using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class ValidateDescriptionTests : IDisposable
{
    private readonly TempArtifacts _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_GateWithoutDescription_ExitTwoNamingTheGate()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document).Remove("description");
        _temp.WriteGates(document.ToJsonString());

        var run = CliRun.Of("validate", "--gates", _temp.GatesFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("1 problem", run.Error, StringComparison.Ordinal);
        Assert.Contains("gate 'roundtrip', field 'description': no description", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RiskWithoutDescription_ExitTwoNamingTheRisk()
    {
        var document = GatesJson.Valid();
        document["risks"]![0]!.AsObject().Remove("description");
        _temp.WriteGates(document.ToJsonString());

        var run = CliRun.Of("validate", "--gates", _temp.GatesFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("field 'risks[0] ('DATA-LOSS').description': no description", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanCanaries_GateWithoutDescription_StillPlanned()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document).Remove("description");
        _temp.WriteGates(document.ToJsonString());

        var run = CliRun.Of("plan-canaries", "--gates", _temp.GatesFile, "--profile", "full", "--artifacts", _temp.Root);

        Assert.Equal(0, run.ExitCode);
    }
}
