using System.Text.Json.Serialization;

namespace Socrates.BenchmarkAnalysis.Baselines;

/// <summary>
/// fixtures/baselines/{profile}.json: a run's benchmarks normalised by the in-run reference
/// benchmark, written only by the explicit <c>baseline</c> command.
/// </summary>
public sealed record BaselineFile(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("host")] string? Host,
    [property: JsonPropertyName("reference")] BaselineReference Reference,
    [property: JsonPropertyName("benchmarks")] IReadOnlyList<BaselineEntry> Benchmarks,
    [property: JsonPropertyName("skipped")] IReadOnlyList<string>? Skipped = null)
{
    public const int CurrentVersion = 1;

    /// <summary>The entry for <paramref name="fullName"/>, or null.</summary>
    public BaselineEntry? Find(string fullName) =>
        Benchmarks.FirstOrDefault(b => string.Equals(b.FullName, fullName, StringComparison.Ordinal));
}
