using System.Text.Json.Serialization;

namespace Socrates.Gates.Benchmarks.Output;

/// <summary>
/// A metric file as the gate engine reads it: the same JSON shape as every other suite's
/// (name, value, unit, evidence relative to the artifacts root, suite, profile, failpoints,
/// writtenAt), written here without depending on the test kit.
/// </summary>
public sealed record MetricFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("evidence")] string? Evidence,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("failpoints")] IReadOnlyList<string> Failpoints,
    [property: JsonPropertyName("writtenAt")] DateTimeOffset WrittenAt)
{
    public const string BenchmarksSuite = "benchmarks";
}
