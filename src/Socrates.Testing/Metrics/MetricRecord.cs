using System.Text.Json.Serialization;

namespace Socrates.Testing.Metrics;

/// <summary>
/// One measured figure, as the gate engine reads it (see <c>gates.schema.json</c>'s metric file
/// format): name, value, unit, the evidence that backs it, and the test (and test assembly)
/// that wrote it, which the canary planner reruns. <see cref="Status"/> is <c>measured</c>, or
/// <c>inconclusive</c> when the machine was too disturbed for a clean measurement within the
/// test's budget: the value is then the last reading and <see cref="Reason"/> says why.
/// </summary>
public sealed record MetricRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("evidence")] string? Evidence,
    [property: JsonPropertyName("suite")] string Suite,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("failpoints")] IReadOnlyList<string> Failpoints,
    [property: JsonPropertyName("writtenAt")] DateTimeOffset WrittenAt,
    [property: JsonPropertyName("test")] string? Test = null,
    [property: JsonPropertyName("assembly")] string? Assembly = null,
    [property: JsonPropertyName("status")] string Status = MetricRecord.Measured,
    [property: JsonPropertyName("reason")] string? Reason = null)
{
    public const string Measured = "measured";
    public const string Inconclusive = "inconclusive";
}
