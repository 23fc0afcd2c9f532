using System.Text.Json.Serialization;

namespace Socrates.Testing.Metrics;

/// <summary>
/// One measured figure, as the gate engine reads it (see <c>gates.schema.json</c>'s metric file
/// format): name, value, unit, and the evidence that backs it.
/// </summary>
public sealed record MetricRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("evidence")] string? Evidence,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("failpoints")] IReadOnlyList<string> Failpoints,
    [property: JsonPropertyName("writtenAt")] DateTimeOffset WrittenAt);
