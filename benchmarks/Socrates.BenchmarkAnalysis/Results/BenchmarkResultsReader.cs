using System.Globalization;
using System.Text.Json;

namespace Socrates.BenchmarkAnalysis.Results;

/// <summary>
/// Reads BenchmarkDotNet's full JSON reports (<c>*-report-full.json</c>, written by
/// <c>JsonExporter.Full</c>). Samples come from the per-iteration measurements
/// (IterationMode "Workload", IterationStage "Result": nanoseconds / operations); a report
/// exported without measurements falls back to <c>Statistics.OriginalValues</c>. A benchmark that
/// has neither (it failed) is left out and named in <see cref="BenchmarkRunResults.Errors"/>.
/// </summary>
public static class BenchmarkResultsReader
{
    public const string FilePattern = "*-report-full.json";

    private static readonly string[] s_hostFields = ["ProcessorName", "LogicalCoreCount", "OsVersion", "RuntimeVersion", "BenchmarkDotNetVersion"];

    /// <summary>Reads every full report in <paramref name="directory"/> (not recursive).</summary>
    public static BenchmarkRunResults ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return BenchmarkRunResults.Empty with { Errors = [$"results folder '{directory}' does not exist: did the benchmarks run?"] };
        }

        var files = Directory.GetFiles(directory, FilePattern).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            return BenchmarkRunResults.Empty with { Errors = [$"results folder '{directory}' holds no {FilePattern}: did the benchmarks run with the full JSON exporter?"] };
        }

        var benchmarks = new List<BenchmarkResult>();
        var errors = new List<string>();
        string? host = null;
        foreach (var file in files)
        {
            try
            {
                var (fileBenchmarks, fileErrors, fileHost) = ReadFile(file);
                benchmarks.AddRange(fileBenchmarks);
                errors.AddRange(fileErrors);
                host ??= fileHost;
            }
            catch (JsonException e)
            {
                errors.Add($"{Path.GetFileName(file)}: not valid JSON: {e.Message}");
            }
            catch (IOException e)
            {
                errors.Add($"{Path.GetFileName(file)}: cannot be read: {e.Message}");
            }
        }

        return new BenchmarkRunResults(benchmarks, files, errors, host);
    }

    /// <summary>Reads one full report; returns its benchmarks, the ones it could not use, and its host line.</summary>
    public static (IReadOnlyList<BenchmarkResult> Benchmarks, IReadOnlyList<string> Errors, string? Host) ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var name = Path.GetFileName(path);
        var benchmarks = new List<BenchmarkResult>();
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Benchmarks", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return ([], [$"{name}: not a BenchmarkDotNet full report (no \"Benchmarks\" array)."], null);
        }

        foreach (var item in list.EnumerateArray())
        {
            var fullName = Text(item, "FullName");
            if (fullName is null)
            {
                errors.Add($"{name}: a benchmark without \"FullName\" was skipped.");
                continue;
            }

            var samples = Samples(item);
            if (samples.Count == 0)
            {
                errors.Add($"{name}: benchmark '{fullName}' has no measurements (it failed or did not run).");
                continue;
            }

            benchmarks.Add(new BenchmarkResult(
                fullName,
                Text(item, "Namespace") ?? string.Empty,
                Text(item, "Type") ?? string.Empty,
                Text(item, "Method") ?? string.Empty,
                ParseParameters(Text(item, "Parameters")),
                samples,
                AllocatedBytes(item),
                path));
        }

        return (benchmarks, errors, Host(root));
    }

    /// <summary>Parses BenchmarkDotNet's <c>A=1&amp;B=x</c> parameter text (values may contain '=').</summary>
    public static IReadOnlyDictionary<string, string> ParseParameters(string? text)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return parameters;
        }

        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                parameters[pair[..separator]] = pair[(separator + 1)..];
            }
        }

        return parameters;
    }

    private static List<double> Samples(JsonElement item)
    {
        var samples = new List<double>();
        if (item.TryGetProperty("Measurements", out var measurements) && measurements.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in measurements.EnumerateArray())
            {
                if (Text(m, "IterationMode") == "Workload" && Text(m, "IterationStage") == "Result"
                    && Number(m, "Nanoseconds") is { } ns && Number(m, "Operations") is { } ops && ops > 0)
                {
                    samples.Add(ns / ops);
                }
            }
        }

        if (samples.Count == 0 && item.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
            && statistics.TryGetProperty("OriginalValues", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            samples.AddRange(values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()));
        }

        return samples.Where(double.IsFinite).ToList();
    }

    private static double? AllocatedBytes(JsonElement item) =>
        item.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
            ? Number(memory, "BytesAllocatedPerOperation")
            : null;

    private static string? Host(JsonElement root)
    {
        if (!root.TryGetProperty("HostEnvironmentInfo", out var host) || host.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return string.Join(", ", s_hostFields
            .Select(key => host.TryGetProperty(key, out var v) ? key switch
            {
                "LogicalCoreCount" => v.ToString() + " logical cores",
                "BenchmarkDotNetVersion" => "BenchmarkDotNet " + v,
                _ => v.ToString(),
            } : null)
            .Where(v => !string.IsNullOrEmpty(v)));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : element.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String
              && double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
