using System.Text.Json;

namespace Socrates.Benchmarks.Targeting;

/// <summary>
/// Which BenchmarkDotNet benchmarks each comparison of <c>benchmarks/comparisons.json</c> reads:
/// its baseline and candidate, or its benchmark and reference (the file-level reference when a
/// regression names none). Only what targeting needs; the gate engine validates the file.
/// </summary>
public sealed class ComparisonsIndex
{
    private readonly Dictionary<string, IReadOnlyList<BenchmarkMethod>> _byId;

    private ComparisonsIndex(Dictionary<string, IReadOnlyList<BenchmarkMethod>> byId) => _byId = byId;

    /// <summary>The comparisons file the gate engine reads, found from the working directory up.</summary>
    public const string DefaultRelativePath = "benchmarks/comparisons.json";

    /// <summary>The benchmarks comparison <paramref name="id"/> reads, or null when no comparison has that id.</summary>
    public IReadOnlyList<BenchmarkMethod>? Find(string id) => _byId.GetValueOrDefault(id);

    public static ComparisonsIndex Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var fileReference = root.TryGetProperty("reference", out var r) ? Method(r) : null;
        var byId = new Dictionary<string, IReadOnlyList<BenchmarkMethod>>(StringComparer.Ordinal);
        foreach (var comparison in root.GetProperty("comparisons").EnumerateArray())
        {
            var methods = new List<BenchmarkMethod>();
            foreach (var side in new[] { "baseline", "candidate", "benchmark", "reference" })
            {
                if (comparison.TryGetProperty(side, out var selector))
                {
                    methods.Add(Method(selector));
                }
            }

            var isRegression = comparison.GetProperty("kind").GetString() == "regression";
            var measuresTime = !comparison.TryGetProperty("measure", out var measure) || measure.GetString() == "time";
            if (isRegression && measuresTime && !comparison.TryGetProperty("reference", out _) && fileReference is not null)
            {
                methods.Add(fileReference);
            }

            byId[comparison.GetProperty("id").GetString()!] = methods;
        }

        return new ComparisonsIndex(byId);
    }

    /// <summary>Looks for <see cref="DefaultRelativePath"/> in <paramref name="start"/> and its parents; null when none holds it.</summary>
    public static string? Locate(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DefaultRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static BenchmarkMethod Method(JsonElement selector) =>
        new(selector.GetProperty("type").GetString()!, selector.GetProperty("method").GetString()!);
}
