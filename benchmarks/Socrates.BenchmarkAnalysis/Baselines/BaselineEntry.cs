using System.Text.Json.Serialization;

namespace Socrates.BenchmarkAnalysis.Baselines;

/// <summary>
/// One benchmark in a stored baseline: its time samples divided by the reference benchmark's
/// median of the same run (dimensionless), the median in nanoseconds for people, and the bytes
/// allocated per operation.
/// </summary>
public sealed record BaselineEntry(
    [property: JsonPropertyName("fullName")] string FullName,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("parameters")] string Parameters,
    [property: JsonPropertyName("medianNs")] double MedianNs,
    [property: JsonPropertyName("normalisedSamples")] IReadOnlyList<double> NormalisedSamples,
    [property: JsonPropertyName("bytesAllocatedPerOperation")] double? BytesAllocatedPerOperation);
