using System.Text.Json;
using Socrates.Evidence;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Results;
using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Baselines;

/// <summary>Builds a baseline from a run, writes it, and reads (and checks) a stored one.</summary>
public static class BaselineStore
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>
    /// Normalises every benchmark of <paramref name="run"/> by the median of the benchmark that
    /// <paramref name="reference"/> selects. Throws when the reference is missing or ambiguous.
    /// </summary>
    public static BaselineFile Create(BenchmarkRunResults run, BenchmarkSelector reference, string profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile);
        var (referenceResult, error) = reference.Resolve(run.Benchmarks);
        if (referenceResult is null)
        {
            throw new BaselineFileException($"Cannot write a baseline: reference benchmark: {error}.");
        }

        var referenceMedian = SampleStatistics.Median(referenceResult.SamplesNs);
        if (!(referenceMedian > 0))
        {
            throw new BaselineFileException($"Cannot write a baseline: reference benchmark '{referenceResult.FullName}' has median {referenceMedian} ns; it must be positive.");
        }

        // A benchmark whose overhead-corrected time is not positive cannot be compared on a log
        // scale; it is listed as skipped (a regression check on it then reports "no entry").
        var skipped = run.Benchmarks
            .Where(b => b.SamplesNs.Any(s => !(s > 0)))
            .Select(b => $"{b.FullName}: a time sample is not positive (the benchmark is too small to measure)")
            .ToList();
        var entries = run.Benchmarks
            .Where(b => b.SamplesNs.All(s => s > 0))
            .OrderBy(b => b.FullName, StringComparer.Ordinal)
            .Select(b => new BaselineEntry(
                b.FullName,
                b.Type,
                b.Method,
                b.ParametersText,
                SampleStatistics.Median(b.SamplesNs),
                [.. b.SamplesNs.Select(s => s / referenceMedian)],
                b.BytesAllocatedPerOperation))
            .ToList();
        return new BaselineFile(BaselineFile.CurrentVersion, profile, now, run.Host, new BaselineReference(referenceResult.FullName, referenceMedian), entries, skipped);
    }

    public static void Write(BaselineFile baseline, string path)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(baseline, s_json) + Environment.NewLine);
    }

    /// <summary>Reads a stored baseline; null when the file does not exist; throws when it is invalid.</summary>
    public static BaselineFile? Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return null;
        }

        BaselineFile? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new BaselineFileException($"Baseline '{path}' is not valid JSON: {e.Message}", e);
        }

        if (baseline is null || baseline.Benchmarks is null || baseline.Reference is null || string.IsNullOrEmpty(baseline.Reference.FullName))
        {
            throw new BaselineFileException($"Baseline '{path}' lacks 'reference' or 'benchmarks'.");
        }

        if (baseline.Version != BaselineFile.CurrentVersion)
        {
            throw new BaselineFileException($"Baseline '{path}' has version {baseline.Version}; this engine reads version {BaselineFile.CurrentVersion}. Write it again with the baseline command.");
        }

        foreach (var entry in baseline.Benchmarks)
        {
            if (string.IsNullOrEmpty(entry.FullName) || entry.NormalisedSamples is null || entry.NormalisedSamples.Count == 0
                || entry.NormalisedSamples.Any(s => !double.IsFinite(s) || s <= 0))
            {
                throw new BaselineFileException($"Baseline '{path}': benchmark '{entry.FullName}' needs a non-empty list of positive, finite normalisedSamples.");
            }
        }

        return baseline;
    }
}
