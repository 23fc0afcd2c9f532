using System.Text.Json;

namespace Socrates.Evidence;

/// <summary>Reads and writes one pair's samples file (<c>{directory}/{id}.json</c>, indented JSON).</summary>
public static class PairedSamplesFile
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Writes <c>{directory}/{Id}.json</c> atomically and returns its path.</summary>
    public static string Write(PairedSamples samples, string directory)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var path = Path.Combine(directory, samples.Id + ".json");
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(samples, s_json));
        return path;
    }

    /// <summary>Reads a samples file; a file that is not one throws <see cref="JsonException"/> naming it.</summary>
    public static PairedSamples Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PairedSamples>(File.ReadAllText(path))
                   ?? throw new JsonException($"'{path}' holds no samples.");
        }
        catch (JsonException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new JsonException($"'{path}' is not a paired samples file: {e.Message}", e);
        }
    }
}
