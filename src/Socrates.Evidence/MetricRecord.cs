using System.Text.Json.Serialization;

namespace Socrates.Evidence;

/// <summary>
/// One measured figure, as the gate engine reads it (see <c>gates.schema.json</c>'s metric file
/// format): name, value, unit, the evidence that backs it (relative to the artifacts root), the
/// suite, profile and failpoints it was measured under, and the test (and test assembly) that
/// wrote it, which the canary planner reruns. <see cref="Status"/> is <c>measured</c>, or
/// <c>inconclusive</c> when the machine was too disturbed for a clean measurement within the
/// test's budget: the value is then the last reading and <see cref="Reason"/> says why.
/// <see cref="Dataset"/> is the SHA-256 of the user's V1 database the figure was measured on
/// during a rehearsal (see <see cref="RehearsalRecord"/>); null for generated data.
/// </summary>
public sealed record MetricRecord(
    [property: JsonPropertyName(MetricFields.Name)] string Name,
    [property: JsonPropertyName(MetricFields.Value)] double Value,
    [property: JsonPropertyName(MetricFields.Unit)] string Unit,
    [property: JsonPropertyName(MetricFields.Evidence)] string? Evidence,
    [property: JsonPropertyName(MetricFields.Suite)] string Suite,
    [property: JsonPropertyName(MetricFields.Profile)] string Profile,
    [property: JsonPropertyName(MetricFields.Failpoints)] IReadOnlyList<string> Failpoints,
    [property: JsonPropertyName(MetricFields.WrittenAt)] DateTimeOffset WrittenAt,
    [property: JsonPropertyName(MetricFields.Test)] string? Test = null,
    [property: JsonPropertyName(MetricFields.Assembly)] string? Assembly = null,
    [property: JsonPropertyName(MetricFields.Status)] string Status = MetricRecord.Measured,
    [property: JsonPropertyName(MetricFields.Reason)] string? Reason = null,
    [property: JsonPropertyName(MetricFields.Dataset), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Dataset = null)
{
    public const string Measured = "measured";
    public const string Inconclusive = "inconclusive";
}
