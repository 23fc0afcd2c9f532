using Socrates.Gates.Config;

namespace Socrates.Gates.Tests.Config;

/// <summary>The repository's own gates.json must load, and carry the whole risk register of DESIGN.md.</summary>
[Trait("Category", "Unit")]
public sealed class RepositoryGatesFileTests
{
    private static readonly string[] s_designRisks =
    [
        "DATA-LOSS", "BACKUP", "MIGRATION-CONFLICT", "RACE", "DEADLOCK", "OVERLOAD", "LOCK-CONTENTION", "CACHE-STALE",
        "CACHE-DIVERGENCE", "INDEX-CORRUPTION", "ACCURACY", "PERF-REGRESSION", "MEMORY", "BREAKING", "FLAGS",
        "SILENT-FAILURE", "DEGRADATION", "INPUT", "INJECTION", "OBSERVABILITY",
    ];

    [Fact]
    public void Load_RepositoryGatesJson_ValidWithFullRiskRegister()
    {
        var config = GateConfigLoader.Load(Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.json"));

        Assert.Equal(s_designRisks.Order(StringComparer.Ordinal), config.Risks.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Contains(config.Gates, g => g.Metric == "tests.failed" && g.Direction == Direction.Max && g.Fail == 0);
        Assert.Contains(config.Gates, g => g.Metric == "coverage.line" && g.Direction == Direction.Min);
    }

    [Fact]
    public void Load_RepositoryGatesJson_EveryGateAndRiskDescribed()
    {
        var config = GateConfigLoader.Load(Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.json"));

        Assert.Empty(DescriptionRule.Problems(config).Select(p => p.ToString()));
    }

    [Fact]
    public void SchemaFile_Exists_IsJson()
    {
        var text = File.ReadAllText(Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.schema.json"));

        using var document = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("object", document.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void SchemaFile_GateAndRiskFields_MatchTheLoader()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.schema.json")));
        var defs = schema.RootElement.GetProperty("$defs");
        var gate = defs.GetProperty("gate");
        var risk = defs.GetProperty("risk");

        Assert.Equal(
            GateConfigReader.GateFields.Order(StringComparer.Ordinal),
            gate.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            GateConfigReader.RequiredGateFields.Order(StringComparer.Ordinal),
            gate.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(
            GateConfigReader.RiskFields.Order(StringComparer.Ordinal),
            risk.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            GateProfiles.All.Order(StringComparer.Ordinal),
            defs.GetProperty("profile").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
    }
}
