using System.Text.Json.Serialization;

namespace Socrates.Evidence;

/// <summary>
/// What the benchmark harness's paired runner writes per pair (<c>{artifacts}/benchmarks/paired/{id}.json</c>)
/// and the benchmark analysis reads: the metric id, its kind (<c>speedup</c>: baseline/candidate,
/// higher is better; <c>ratio</c>: candidate/baseline, lower is better), the two sides' names and
/// batch sizes, and the rounds.
/// </summary>
public sealed record PairedSamples(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("baseline")] string Baseline,
    [property: JsonPropertyName("candidate")] string Candidate,
    [property: JsonPropertyName("baselineBatch")] int BaselineBatch,
    [property: JsonPropertyName("candidateBatch")] int CandidateBatch,
    [property: JsonPropertyName("order")] string Order,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("failpoints")] IReadOnlyList<string> Failpoints,
    [property: JsonPropertyName("writtenAt")] DateTimeOffset WrittenAt,
    [property: JsonPropertyName("rounds")] IReadOnlyList<PairedRound> Rounds)
{
    public const string SpeedupKind = "speedup";
    public const string RatioKind = "ratio";
}
