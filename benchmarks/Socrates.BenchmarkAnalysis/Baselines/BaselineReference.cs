using System.Text.Json.Serialization;

namespace Socrates.BenchmarkAnalysis.Baselines;

/// <summary>The reference benchmark a baseline was normalised by, and its median (ns) in that run.</summary>
public sealed record BaselineReference(
    [property: JsonPropertyName("fullName")] string FullName,
    [property: JsonPropertyName("medianNs")] double MedianNs);
