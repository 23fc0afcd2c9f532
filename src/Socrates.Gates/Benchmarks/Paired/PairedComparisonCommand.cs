using System.Globalization;
using System.Text;
using System.Text.Json;
using Socrates.Gates.Benchmarks.Comparisons;
using Socrates.Gates.Benchmarks.Output;

namespace Socrates.Gates.Benchmarks.Paired;

/// <summary>
/// <c>paired-compare</c>: reads the paired runner's samples (<c>{artifacts}/benchmarks/paired/*.json</c>,
/// written by the benchmark harness with <c>--paired</c>), writes one metric per pair (and its
/// <c>.estimate</c>) under <c>{artifacts}/metrics</c> with the same writer as bench-compare, the
/// evidence <c>{artifacts}/benchmarks/paired-comparisons.json</c> and the report section
/// <c>{artifacts}/report-sections/benchmarks-paired.md</c>.
/// <code>
/// paired-compare --artifacts artifacts [--paired artifacts/benchmarks/paired] [--confidence 0.99]
///                [--profile ci] [--failpoints a,b]
/// </code>
/// Exit codes: 0 every pair produced its metric; 1 at least one did not (or none was found);
/// 2 wrong usage or an unreadable samples file.
/// </summary>
public static class PairedComparisonCommand
{
    public const string Name = "paired-compare";

    private static readonly string[] s_options = ["artifacts", "paired", "confidence", "profile", "failpoints"];
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error, DateTimeOffset.UtcNow));

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string artifacts, profile;
        var directory = string.Empty;
        IReadOnlyList<string> failpoints;
        NoiseFloors settings;
        List<PairedSamples> samples;
        try
        {
            var options = CommandArguments.Parse(args, s_options);
            artifacts = Path.GetFullPath(options.Required("artifacts"));
            directory = Path.GetFullPath(options.Optional("paired") ?? Path.Combine(artifacts, "benchmarks", "paired"));
            profile = options.Optional("profile") ?? Environment.GetEnvironmentVariable("SOCRATES_PROFILE") ?? "quick";
            failpoints = BenchmarkComparisonCommand.SplitList(options.Raw("failpoints") ?? Environment.GetEnvironmentVariable("SOCRATES_FAILPOINTS"));
            var confidence = options.Optional("confidence") is { } c
                ? double.Parse(c, NumberStyles.Float, CultureInfo.InvariantCulture)
                : NoiseFloors.DefaultConfidence;
            if (!(confidence > 0 && confidence < 1))
            {
                throw new ArgumentException($"--confidence {confidence} is not strictly between 0 and 1.");
            }

            settings = NoiseFloors.Default with { Confidence = confidence };
            samples = Read(directory);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 2;
        }
        catch (FormatException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 2;
        }
        catch (JsonException e)
        {
            error.WriteLine($"{Name}: a samples file under '{directory}' is not valid: {e.Message}");
            return 2;
        }

        if (samples.Count == 0)
        {
            error.WriteLine($"{Name}: no paired samples under '{directory}': run the harness with --paired");
            return 1;
        }

        var metrics = Path.Combine(artifacts, "metrics");
        var evidencePath = Path.Combine(artifacts, "benchmarks", "paired-comparisons.json");
        var evidence = Path.GetRelativePath(artifacts, evidencePath).Replace('\\', '/');
        var results = new List<object>();
        var table = new StringBuilder()
            .AppendLine("### Paired, interleaved comparisons")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Wilcoxon signed-rank test and Hodges-Lehmann {settings.Confidence:P0} interval of the per-round log ratios (ABBA rounds).")
            .AppendLine()
            .AppendLine("| Metric | Value | Estimate | Interval | Rounds | p | Verdict |")
            .AppendLine("|---|---|---|---|---|---|---|");
        var allOk = true;
        foreach (var pair in samples.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var (comparison, problem) = PairedComparison.Compute(pair, settings);
            if (comparison is null)
            {
                allOk = false;
                MetricFileWriter.Remove(metrics, pair.Id);
                MetricFileWriter.Remove(metrics, pair.Id + ".estimate");
                error.WriteLine($"{Name}: {pair.Id}: no metric: {problem}");
                results.Add(new { pair.Id, pair.Title, Error = problem, Samples = pair });
                table.AppendLine(CultureInfo.InvariantCulture, $"| {pair.Id} | - | - | - | {pair.Rounds.Count} | - | {problem} |");
                continue;
            }

            MetricFileWriter.Write(metrics, new MetricFile(pair.Id, comparison.Value, PairedComparison.Unit, evidence, MetricFile.BenchmarksSuite, profile, failpoints, now));
            MetricFileWriter.Write(metrics, new MetricFile(pair.Id + ".estimate", comparison.Estimate, PairedComparison.Unit, evidence, MetricFile.BenchmarksSuite, profile, failpoints, now));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {pair.Id} = {comparison.Value:G6} x (estimate {comparison.Estimate:G6}, interval [{comparison.Lower:G4}, {comparison.Upper:G4}], p {comparison.Test.PValue:G3}, {comparison.Rounds} rounds; {comparison.Verdict})"));
            results.Add(new { pair.Id, pair.Title, Comparison = comparison, Samples = pair });
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {pair.Id} | {comparison.Value:G4} | {comparison.Estimate:G4} | [{comparison.Lower:G4}, {comparison.Upper:G4}] | {comparison.Rounds} | {comparison.Test.PValue:G3} | {comparison.Verdict} |");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(evidencePath)!);
        File.WriteAllText(evidencePath, JsonSerializer.Serialize(new { Directory = directory, Profile = profile, Failpoints = failpoints, WrittenAt = now, settings.Confidence, settings.Relative, Pairs = results }, s_json));
        var sections = Path.Combine(artifacts, "report-sections");
        Directory.CreateDirectory(sections);
        File.WriteAllText(Path.Combine(sections, "benchmarks-paired.md"), table.ToString());
        output.WriteLine($"{Name}: {results.Count} pairs read; evidence {evidencePath}");
        return allOk ? 0 : 1;
    }

    private static List<PairedSamples> Read(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal)
                .Select(path => JsonSerializer.Deserialize<PairedSamples>(File.ReadAllText(path))
                                ?? throw new JsonException($"'{path}' holds no samples."))];
}
