using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Tests.TestSupport;

/// <summary>Short ways to make gates and figures in tests.</summary>
internal static class TestGates
{
    public static GateDefinition Make(
        string id = "g",
        string metric = "m",
        Direction direction = Direction.Min,
        double fail = 0.9,
        double? warn = null,
        string[]? risks = null,
        string[]? profiles = null,
        CanaryDefinition? canary = null,
        string unit = "ratio") =>
        new(id, "Gate " + id, risks ?? ["R1"], metric, direction, fail, warn, unit, profiles ?? ["quick", "ci", "full"], "unit", canary, null);

    public static CanaryDefinition Failpoint(string name = "fp.x") => new(name, null);

    public static MetricSample Sample(string name, double value, DateTimeOffset? writtenAt = null, string origin = "metrics/x.json", string? unit = null, IReadOnlyList<string>? failpoints = null) =>
        new(name, value, unit, null, "unit", "quick", failpoints, writtenAt, origin);

    public static MetricSet Metrics(params (string Name, double Value)[] figures) =>
        new(figures.Select(f => Sample(f.Name, f.Value)));

    /// <summary>A canary run that executed one test, which passed, and measured <paramref name="figures"/>.</summary>
    public static CanaryRun Canary(params (string Name, double Value)[] figures) => new(Metrics(figures), ExecutedTests: 1, FailedTests: 0);

    public static GateConfig Config(IReadOnlyList<GateDefinition> gates, params string[] riskIds) =>
        new("gates.json", 1, [.. (riskIds.Length == 0 ? ["R1"] : riskIds).Select(r => new RiskDefinition(r, "Risk " + r, RiskSeverity.High))], gates);
}
