using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class ValidateCommandTests : IDisposable
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
}
