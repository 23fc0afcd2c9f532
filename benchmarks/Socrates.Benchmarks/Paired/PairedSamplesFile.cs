using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Benchmarks.Paired;

/// <summary>One round: each side's time per operation in ns (the sum of its two slices over their operations).</summary>
public sealed record PairedRoundSample(
    [property: JsonPropertyName("baselineNs")] double BaselineNs,
    [property: JsonPropertyName("candidateNs")] double CandidateNs);

/// <summary>
/// The samples of one pair, as <c>Socrates.Gates paired-compare</c> reads them
/// (<c>{artifacts}/paired/{id}.json</c>; the shape of its <c>PairedSamples</c>).
/// </summary>
public sealed record PairedSamplesFile(
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
    [property: JsonPropertyName("rounds")] IReadOnlyList<PairedRoundSample> Rounds)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Reads a samples file written by <see cref="Write"/>.</summary>
    public static PairedSamplesFile Read(string path) =>
        JsonSerializer.Deserialize<PairedSamplesFile>(File.ReadAllText(path), s_json)
        ?? throw new InvalidDataException($"{path}: empty samples file");

    /// <summary>Writes <c>{directory}/{Id}.json</c> (temporary file, then rename) and returns its path.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Id + ".json");
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, s_json));
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
