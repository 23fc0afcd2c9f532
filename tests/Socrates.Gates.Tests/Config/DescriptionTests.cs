using Socrates.Gates.Config;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Config;

[Trait("Category", "Unit")]
public sealed class DescriptionTests
{
    [Fact]
    public void Parse_RiskWithDescription_DescriptionRead()
    {
        var config = GateConfigLoader.Parse(GatesJson.Valid().ToJsonString(), GatesJson.File);

        Assert.Equal("A saved row is gone.", config.Risks[0].Description);
    }

    [Fact]
    public void Parse_RiskWithoutDescription_LoadsWithNull()
    {
        var document = GatesJson.Valid();
        document["risks"]![1]!.AsObject().Remove("description");

        var config = GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File);

        Assert.Null(config.Risks[1].Description);
    }

    [Fact]
    public void Parse_RiskWithEmptyDescription_Rejected()
    {
        var document = GatesJson.Valid();
        document["risks"]![0]!["description"] = " ";

        var ex = Assert.Throws<GateConfigException>(() => GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("risks[0] ('DATA-LOSS').description", problem.Field);
        Assert.Contains("must not be empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_EverythingDescribed_None()
    {
        var config = GateConfigLoader.Parse(GatesJson.Valid().ToJsonString(), GatesJson.File);

        Assert.Empty(DescriptionRule.Problems(config));
    }

    [Fact]
    public void Problems_GateAndRiskWithoutDescription_OneEachNamingIt()
    {
        var document = GatesJson.Valid();
        document["risks"]![1]!.AsObject().Remove("description");
        GatesJson.Gate(document, 1).Remove("description");
        var config = GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File);

        var problems = DescriptionRule.Problems(config);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is { GateId: null, Field: "risks[1] ('RACE').description" });
        Assert.Contains(problems, p => p is { GateId: "lost-updates", Field: "description" });
    }

    [Fact]
    public void Problems_GateAndRiskWithoutRunbook_OneEachNamingIt()
    {
        var document = GatesJson.Valid();
        document["risks"]![0]!.AsObject().Remove("runbook");
        GatesJson.Gate(document).Remove("runbook");
        var config = GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File);

        var problems = DescriptionRule.Problems(config);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p is { GateId: null, Field: "risks[0] ('DATA-LOSS').runbook" });
        Assert.Contains(problems, p => p is { GateId: "roundtrip", Field: "runbook" });
    }

    [Fact]
    public void Parse_RunbookWithoutCauses_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["runbook"] = new System.Text.Json.Nodes.JsonObject { ["red"] = "x", ["causes"] = new System.Text.Json.Nodes.JsonArray() };

        var ex = Assert.Throws<GateConfigException>(() => GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File));

        Assert.Contains(ex.Problems, p => p.Field == "runbook.causes" && p.Message.Contains("at least one", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Runbook_ReadIntoGateAndRisk()
    {
        var config = GateConfigLoader.Parse(GatesJson.Valid().ToJsonString(), GatesJson.File);

        Assert.Equal("Do not release.", config.Gates[0].Runbook!.Red);
        Assert.Equal(["the last change"], config.Risks[0].Runbook!.Causes);
    }
}
