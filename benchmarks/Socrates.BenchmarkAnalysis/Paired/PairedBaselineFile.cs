using System.Text.Json;
using System.Text.Json.Serialization;
using Socrates.BenchmarkAnalysis.Baselines;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>
/// The stored baseline of the paired comparisons (<c>fixtures/baselines/paired-{profile}.json</c>,
/// written by <c>paired-baseline</c> from several whole runs on purpose, never by the gates): per
/// pair, the in-run time ratio (candidate/baseline, median of the rounds) of every run. The
/// spread of those runs is what a later run is judged against: a ratio is already normalised to
/// its own in-run reference, so a faster or slower machine moves both sides together.
/// </summary>
public sealed record PairedBaselineFile(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("writtenAt")] DateTimeOffset WrittenAt,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("pairs")] IReadOnlyDictionary<string, PairedBaselineEntry> Pairs)
{
    /// <summary>Fewer runs than this give no usable spread (a t quantile with 1 degree of freedom is 31.8 at 99%).</summary>
    public const int MinimumRuns = 3;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Reads and checks <paramref name="path"/>; a <see cref="BaselineFileException"/> says what is wrong and where.</summary>
    public static PairedBaselineFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BaselineFileException($"'{path}' does not exist: write it with `dotnet cake --target=Baseline --profile=<profile>`.");
        }

        PairedBaselineFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PairedBaselineFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new BaselineFileException($"'{path}' is not a paired baseline: {e.Message}", e);
        }

        if (file?.Pairs is null || string.IsNullOrWhiteSpace(file.Profile))
        {
            throw new BaselineFileException($"'{path}' is not a paired baseline: 'profile' and 'pairs' are required.");
        }

        foreach (var (id, entry) in file.Pairs)
        {
            if (entry?.Runs is null || entry.Runs.Count < MinimumRuns)
            {
                throw new BaselineFileException($"'{path}': pair '{id}': {entry?.Runs?.Count ?? 0} runs; at least {MinimumRuns} are needed for a spread.");
            }

            var bad = entry.Runs.Select((r, i) => (r, i)).FirstOrDefault(x => !(x.r > 0) || !double.IsFinite(x.r));
            if (bad != default)
            {
                throw new BaselineFileException($"'{path}': pair '{id}': run {bad.i} has ratio {bad.r}, not a positive finite number.");
            }
        }

        return file;
    }

    /// <summary>Writes the file (indented, stable order of pairs).</summary>
    public void Write(string path)
    {
        var sorted = this with { Pairs = Pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(sorted, s_json) + Environment.NewLine);
    }
}

/// <summary>One pair's baseline: its kind and the time ratio candidate/baseline of each stored run.</summary>
public sealed record PairedBaselineEntry(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("runs")] IReadOnlyList<double> Runs);
