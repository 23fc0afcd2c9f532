using System.Text.Json.Nodes;
using Socrates.Gates.Config;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Config;

[Trait("Category", "Unit")]
public sealed class GateConfigLoaderTests
{
    [Fact]
    public void Parse_ValidDocument_ReadsEveryField()
    {
        var config = GateConfigLoader.Parse(GatesJson.Valid().ToJsonString(), GatesJson.File);

        Assert.Equal(1, config.Version);
        Assert.Equal(["DATA-LOSS", "RACE"], config.Risks.Select(r => r.Id));
        Assert.Equal(RiskSeverity.Critical, config.Risks[0].Severity);
        var roundtrip = config.Gates[0];
        Assert.Equal("roundtrip", roundtrip.Id);
        Assert.Equal("v2.roundtrip.equality_rate", roundtrip.Metric);
        Assert.Equal(Direction.Min, roundtrip.Direction);
        Assert.Equal(1.0, roundtrip.Fail);
        Assert.Null(roundtrip.Warn);
        Assert.Equal("ratio", roundtrip.Unit);
        Assert.Equal(["quick", "ci", "full"], roundtrip.Profiles);
        Assert.Equal("v2.save.drop-field", roundtrip.Canary!.Failpoint);
        var lost = config.Gates[1];
        Assert.Equal(Direction.Max, lost.Direction);
        Assert.Equal("fixtures/canaries/lost-update.json", lost.Canary!.Fixture);
        Assert.Null(lost.Canary.Failpoint);
        Assert.Equal("Linearizability checker over recorded histories.", lost.Description);
        Assert.Equal(["roundtrip", "lost-updates"], config.GatesFor("full").Select(g => g.Id));
        Assert.Equal(["roundtrip"], config.GatesFor("quick").Select(g => g.Id));
    }

    [Fact]
    public void Parse_CommentsInJson_Accepted()
    {
        var json = GatesJson.Valid().ToJsonString().Replace("\"version\":1", "/* format */ \"version\":1", StringComparison.Ordinal);

        var config = GateConfigLoader.Parse(json, GatesJson.File);

        Assert.Equal(2, config.Gates.Count);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsFileLineAndPosition()
    {
        const string json = "{\n  \"version\": 1,\n  \"risks\": [ oops ]\n}";

        var ex = Assert.Throws<GateConfigException>(() => GateConfigLoader.Parse(json, GatesJson.File));

        Assert.Equal(GatesJson.File, ex.File);
        Assert.Contains("malformed JSON at line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("position", ex.Message, StringComparison.Ordinal);
        Assert.Contains(GatesJson.File, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> RequiredGateFieldsButId() =>
        [.. GateConfigReader.RequiredGateFields.Where(f => f != "id")];

    [Theory]
    [MemberData(nameof(RequiredGateFieldsButId))]
    public void Parse_GateMissingRequiredField_NamesFileGateAndField(string field)
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document).Remove(field);

        var ex = Parse(document);

        var problem = Assert.Single(ex.Problems);
        AssertNames(ex, "roundtrip", field);
        Assert.Contains("missing required field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GateMissingId_NamesItsPosition()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document, 1).Remove("id");

        var ex = Parse(document);

        Assert.Null(ex.GateId);
        Assert.Equal("gates[1].id", ex.Field);
        Assert.Contains("gates[1].id", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("risks")]
    [InlineData("gates")]
    public void Parse_RootMissingRequiredField_NamesField(string field)
    {
        var document = GatesJson.Valid();
        if (field == "risks")
        {
            // Without a register every gate also names unknown risks; keep the gates out of it.
            document["gates"] = new JsonArray();
        }

        document.Remove(field);

        var ex = Parse(document);

        Assert.Contains(ex.Problems, p => p.Field == field && p.Message.Contains("missing required field", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnsupportedVersion_Rejected()
    {
        var document = GatesJson.Valid();
        document["version"] = 2;

        var ex = Parse(document);

        Assert.Equal("version", ex.Field);
        Assert.Contains("version 2 is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownDirection_NamesValueAndChoices()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["direction"] = "up";

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "direction");
        Assert.Contains("unknown direction 'up'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("min", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max", 0.0, 0.5)]
    [InlineData("min", 0.9, 0.8)]
    public void Parse_WarnOnWrongSideOfFail_Rejected(string direction, double fail, double warn)
    {
        var document = GatesJson.Valid();
        var gate = GatesJson.Gate(document);
        gate["direction"] = direction;
        gate["fail"] = fail;
        gate["warn"] = warn;

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "warn");
        Assert.Contains("wrong side of fail", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max", 1.0, 1.0)]
    [InlineData("max", 1.0, 0.5)]
    [InlineData("min", 0.9, 0.9)]
    [InlineData("min", 0.9, 0.95)]
    public void Parse_WarnOnSafeSideOrEqual_Accepted(string direction, double fail, double warn)
    {
        var document = GatesJson.Valid();
        var gate = GatesJson.Gate(document);
        gate["direction"] = direction;
        gate["fail"] = fail;
        gate["warn"] = warn;

        var config = GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File);

        Assert.Equal(warn, config.Gates[0].Warn);
    }

    [Fact]
    public void Parse_DuplicateGateId_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document, 1)["id"] = "roundtrip";

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "id");
        Assert.Contains("duplicate gate id 'roundtrip'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateRiskId_Rejected()
    {
        var document = GatesJson.Valid();
        document["risks"]![1]!["id"] = "DATA-LOSS";
        GatesJson.Gate(document, 1)["risks"] = new JsonArray("DATA-LOSS");

        var ex = Parse(document);

        Assert.Equal("risks[1].id", ex.Field);
        Assert.Contains("duplicate risk id 'DATA-LOSS'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GateNamesUnknownRisk_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["risks"] = new JsonArray("DATA-LOSS", "TYPO-RISK");

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "risks");
        Assert.Contains("unknown risk 'TYPO-RISK'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GateWithNoRisks_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["risks"] = new JsonArray();

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "risks");
    }

    [Fact]
    public void Parse_UnknownProfile_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["profiles"] = new JsonArray("quick", "nightly");

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "profiles");
        Assert.Contains("unknown profile 'nightly'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CanaryWithBothFailpointAndFixture_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["canary"] = new JsonObject { ["failpoint"] = "a.b", ["fixture"] = "fixtures/x.txt" };

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "canary");
        Assert.Contains("not both", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CanaryWithNeitherFailpointNorFixture_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["canary"] = new JsonObject();

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "canary");
        Assert.Contains("must name a failpoint or a fixture", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Parse_NonFiniteThresholdAsString_Rejected(string value)
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["fail"] = value;

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "fail");
        Assert.Contains("finite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumberOverflowingDouble_RejectedAsNonFinite()
    {
        var json = GatesJson.Valid().ToJsonString().Replace("\"fail\":0", "\"fail\":1e999", StringComparison.Ordinal);

        var ex = Assert.Throws<GateConfigException>(() => GateConfigLoader.Parse(json, GatesJson.File));

        AssertNames(ex, "lost-updates", "fail");
        Assert.Contains("finite", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThresholdOfWrongType_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["warn"] = "high";

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "warn");
        Assert.Contains("must be a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownGateField_RejectedAsLikelyTypo()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["warm"] = 0.5;

        var ex = Parse(document);

        AssertNames(ex, "roundtrip", "warm");
        Assert.Contains("unknown field", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownSeverity_Rejected()
    {
        var document = GatesJson.Valid();
        document["risks"]![0]!["severity"] = "dire";

        var ex = Parse(document);

        Assert.Contains("unknown severity 'dire'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GateIdThatEscapesItsFolder_Rejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["id"] = "../evil";

        var ex = Parse(document);

        Assert.Equal("../evil", ex.GateId);
        Assert.Equal("id", ex.Field);
    }

    [Fact]
    public void Parse_SeveralProblems_AllCollectedInOneException()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document)["direction"] = "sideways";
        GatesJson.Gate(document)["profiles"] = new JsonArray("weekly");
        GatesJson.Gate(document, 1)["risks"] = new JsonArray("NOPE");
        GatesJson.Gate(document, 1).Remove("metric");

        var ex = Parse(document);

        Assert.Equal(4, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p is { GateId: "roundtrip", Field: "direction" });
        Assert.Contains(ex.Problems, p => p is { GateId: "roundtrip", Field: "profiles" });
        Assert.Contains(ex.Problems, p => p is { GateId: "lost-updates", Field: "risks" });
        Assert.Contains(ex.Problems, p => p is { GateId: "lost-updates", Field: "metric" });
        Assert.Contains("4 problems", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "gates.json");

        var ex = Assert.Throws<GateConfigException>(() => GateConfigLoader.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Contains("cannot read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_GateWithoutCanary_WarnedNotRejected()
    {
        var document = GatesJson.Valid();
        GatesJson.Gate(document).Remove("canary");

        var config = GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File);
        var warnings = GateConfigLoader.Warnings(config);

        Assert.Null(config.Gates[0].Canary);
        var warning = Assert.Single(warnings);
        Assert.Equal("roundtrip", warning.GateId);
        Assert.Equal("canary", warning.Field);
        Assert.Contains("no canary", warning.ToString(), StringComparison.Ordinal);
        Assert.Contains(GatesJson.File, warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_EveryGateHasCanary_None()
    {
        var config = GateConfigLoader.Parse(GatesJson.Valid().ToJsonString(), GatesJson.File);

        Assert.Empty(GateConfigLoader.Warnings(config));
    }

    private static GateConfigException Parse(JsonObject document) =>
        Assert.Throws<GateConfigException>(() => GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File));

    private static void AssertNames(GateConfigException ex, string gateId, string field)
    {
        Assert.Equal(GatesJson.File, ex.File);
        Assert.Equal(gateId, ex.GateId);
        Assert.Equal(field, ex.Field);
        Assert.Contains(GatesJson.File, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"gate '{gateId}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"field '{field}'", ex.Message, StringComparison.Ordinal);
    }
}
