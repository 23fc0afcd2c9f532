using System.Text.Json;
using Socrates.Evidence;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>Reads every pair's samples file (<c>*.json</c>) of one paired folder, in name order.</summary>
internal static class PairedSamplesReader
{
    /// <summary>The samples under <paramref name="directory"/>; empty when it does not exist. A file that is not samples throws <see cref="JsonException"/> naming it.</summary>
    public static List<PairedSamples> Read(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal)
                .Select(PairedSamplesFile.Read)];
}
