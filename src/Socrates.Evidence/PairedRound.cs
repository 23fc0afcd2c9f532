using System.Text.Json.Serialization;

namespace Socrates.Evidence;

/// <summary>One interleaved round: each side's time per operation (ns), from its two slices of the round.</summary>
public sealed record PairedRound(
    [property: JsonPropertyName("baselineNs")] double BaselineNs,
    [property: JsonPropertyName("candidateNs")] double CandidateNs);
