using System.CommandLine;
using Socrates.Evidence;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Output;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>
/// <c>paired-compare</c>: reads the paired runner's samples (<c>{artifacts}/benchmarks/paired/*.json</c>,
/// written by the benchmark harness with <c>--paired</c>), writes one metric per pair (and its
/// <c>.estimate</c>) under <c>{artifacts}/metrics</c> with the same writer as bench-compare, the
/// evidence <c>{artifacts}/benchmarks/paired-comparisons.json</c> and the report section
/// <c>{artifacts}/report-sections/benchmarks-paired.md</c>.
/// <code>
/// paired-compare --artifacts artifacts [--paired artifacts/benchmarks/paired] [--confidence 0.99]
///                [--profile ci] [--failpoints a,b] [--baseline fixtures/baselines/paired-ci.json]
///                [--regression-confidence 0.999] [--metric NAME ...]
/// </code>
/// With <c>--metric</c> (repeatable) only the pairs writing one of those metrics are read and
/// written (a name <c>{id}</c> or <c>{id}.estimate</c> selects the pair's ratio, <c>{id}.regression</c>
/// its regression), and samples of other pairs are ignored: a targeted run measured only these.
/// With <c>--baseline</c>, every pair the baseline holds also gets <c>{id}.regression</c>
/// (<see cref="PairedRegression"/>): the proven slowdown of this run's ratio against the stored
/// runs', 0 when none is proven. A pair missing from the baseline, or an unreadable baseline, gets
/// no regression metric (its gate is then "missing") and the exit code 1.
/// Exit codes: 0 every pair produced its metric; 1 at least one did not (or none was found);
/// 2 wrong usage or an unreadable samples file.
/// </summary>
public static class PairedComparisonCommand
{
    public const string Name = "paired-compare";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>The metrics a pair writes: its ratio, the ratio's point estimate, and its regression against the stored runs.</summary>
    private static string[] MetricsOf(string id) => [id, id + ".estimate", id + PairedRegression.MetricSuffix];

    public static Command Create(TextWriter output, TextWriter error, DateTimeOffset now)
    {
        var artifacts = AnalysisOptions.Required("--artifacts", "folder", "Where metrics/ and benchmarks/paired-comparisons.json are written.");
        var paired = AnalysisOptions.Optional("--paired", "folder", "The paired samples [default: <artifacts>/benchmarks/paired].");
        var confidence = AnalysisOptions.Probability("--confidence", FormattableString.Invariant($"Confidence of each pair's interval [default: {NoiseFloors.DefaultConfidence}]."), 0);
        var profile = AnalysisOptions.Profile();
        var failpoints = AnalysisOptions.Failpoints();
        var baseline = AnalysisOptions.Optional("--baseline", "file", "The stored paired runs each pair's regression is judged against.");
        var regressionConfidence = AnalysisOptions.Probability("--regression-confidence", FormattableString.Invariant($"One-sided confidence of the regression bound [default: {PairedRegression.DefaultConfidence}]."), 0.5);
        var metrics = AnalysisOptions.Metrics();
        var command = new Command(Name, "The paired harness's rounds: a signed-rank test per pair, one metric each (and <id>.regression against a paired baseline). Exit 0: every pair produced its metric. 1: one did not, or none was found. 2: wrong usage or an unreadable samples file.")
        {
            artifacts, paired, confidence, profile, failpoints, baseline, regressionConfidence, metrics,
        };
        command.SetAction(parse => Run(
            new Request(
                parse.GetValue(artifacts)!,
                parse.GetValue(paired),
                parse.GetValue(confidence) ?? NoiseFloors.DefaultConfidence,
                AnalysisOptions.ProfileOrEnvironment(parse.GetValue(profile)),
                AnalysisOptions.FailpointsOrEnvironment(parse.GetValue(failpoints)),
                parse.GetValue(baseline),
                parse.GetValue(regressionConfidence) ?? PairedRegression.DefaultConfidence,
                MetricSelection.From(parse.GetValue(metrics) ?? [])),
            output,
            error,
            now));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now) =>
        AnalysisCli.Run([Name, .. args], output, error, now);

    private static int Run(Request request, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        var (profile, failpoints, selection, regressionConfidence) = (request.Profile, request.Failpoints, request.Selection, request.RegressionConfidence);
        var settings = NoiseFloors.Default with { Confidence = request.Confidence };
        string artifacts;
        var directory = string.Empty;
        List<PairedSamples> samples;
        string? baselinePath;
        try
        {
            artifacts = Path.GetFullPath(request.Artifacts);
            directory = Path.GetFullPath(request.Paired ?? Path.Combine(artifacts, "benchmarks", "paired"));
            baselinePath = request.Baseline is { } b ? Path.GetFullPath(b) : null;
            samples = [.. PairedSamplesReader.Read(directory).Where(p => selection.IncludesAny(MetricsOf(p.Id)))];
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return AnalysisCli.UsageExitCode;
        }
        catch (JsonException e)
        {
            error.WriteLine($"{Name}: a samples file under '{directory}' is not valid: {e.Message}");
            return AnalysisCli.UsageExitCode;
        }

        if (samples.Count == 0 && selection.IsTargeted)
        {
            // The names are bench-compare's or a benchmark setup's: nothing for this command. (A pair
            // the harness was asked for and did not measure failed the harness's run, and its gate reads "missing".)
            output.WriteLine($"{Name}: no samples of a pair writing {selection} under '{directory}'; nothing to compare");
            return 0;
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
        PairedBaselineFile? baseline = null;
        string? baselineProblem = null;
        if (baselinePath is not null)
        {
            try
            {
                baseline = PairedBaselineFile.Read(baselinePath);
                if (!string.Equals(baseline.Profile, profile, StringComparison.Ordinal))
                {
                    baselineProblem = $"'{baselinePath}' was recorded with profile '{baseline.Profile}', this run is '{profile}'";
                    baseline = null;
                }
            }
            catch (Baselines.BaselineFileException e)
            {
                baselineProblem = e.Message;
            }
        }

        var regressions = new List<PairedRegression>();
        var rendered = new List<(PairedSamples, PairedComparison?, PairedRegression?, string?)>();
        foreach (var pair in samples.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            MetricFileWriter.Remove(metrics, pair.Id + PairedRegression.MetricSuffix);
            var (comparison, problem) = PairedComparison.Compute(pair, settings);
            if (comparison is null)
            {
                allOk = false;
                MetricFileWriter.Remove(metrics, pair.Id);
                MetricFileWriter.Remove(metrics, pair.Id + ".estimate");
                error.WriteLine($"{Name}: {pair.Id}: no metric: {problem}");
                results.Add(new { pair.Id, pair.Title, Error = problem, Samples = pair });
                table.AppendLine(CultureInfo.InvariantCulture, $"| {pair.Id} | - | - | - | {pair.Rounds.Count} | - | {problem} |");
                rendered.Add((pair, null, null, problem));
                continue;
            }

            MetricFileWriter.Write(metrics, new MetricRecord(pair.Id, comparison.Value, PairedComparison.Unit, evidence, MetricFileWriter.BenchmarksSuite, profile, failpoints, now));
            MetricFileWriter.Write(metrics, new MetricRecord(pair.Id + ".estimate", comparison.Estimate, PairedComparison.Unit, evidence, MetricFileWriter.BenchmarksSuite, profile, failpoints, now));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {pair.Id} = {comparison.Value:G6} x (estimate {comparison.Estimate:G6}, interval [{comparison.Lower:G4}, {comparison.Upper:G4}], p {comparison.Test.PValue:G3}, {comparison.Rounds} rounds; {comparison.Verdict})"));
            PairedRegression? regression = null;
            string? entryProblem = null;
            if (baselinePath is not null && selection.Includes(pair.Id + PairedRegression.MetricSuffix))
            {
                entryProblem = baselineProblem;
                if (baseline is not null && !baseline.Pairs.TryGetValue(pair.Id, out _))
                {
                    entryProblem = $"'{baselinePath}' holds no runs of {pair.Id}: rewrite the baseline (dotnet cake --target=Baseline --profile={profile})";
                }

                if (entryProblem is null)
                {
                    regression = PairedRegression.Compute(pair.Id, comparison.MedianRatio, baseline!.Pairs[pair.Id], regressionConfidence);
                    regressions.Add(regression);
                    MetricFileWriter.Write(metrics, new MetricRecord(pair.Id + PairedRegression.MetricSuffix, regression.Value, PairedRegression.Unit, evidence, MetricFileWriter.BenchmarksSuite, profile, failpoints, now));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Name}: {pair.Id}{PairedRegression.MetricSuffix} = {regression.Value:G4} (ratio {regression.CurrentRatio:G4} against {regression.BaselineRatio:G4} over {regression.BaselineRuns} stored runs, change {regression.Slowdown:+0.0%;-0.0%}, provable above {regression.DetectableSlowdown:+0.0%}; {regression.Verdict})"));
                }
                else
                {
                    allOk = false;
                    error.WriteLine($"{Name}: {pair.Id}{PairedRegression.MetricSuffix}: no metric: {entryProblem}");
                }
            }

            results.Add(new { pair.Id, pair.Title, Comparison = comparison, Regression = regression, Samples = pair });
            rendered.Add((pair, comparison, regression, entryProblem));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {pair.Id} | {comparison.Value:G4} | {comparison.Estimate:G4} | [{comparison.Lower:G4}, {comparison.Upper:G4}] | {comparison.Rounds} | {comparison.Test.PValue:G3} | {comparison.Verdict} |");
        }

        if (regressions.Count > 0)
        {
            table.AppendLine()
                .AppendLine("#### Against the stored baseline")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"This run's time ratio against the stored runs' (`{Path.GetFileName(baselinePath)}`): a slowdown counts only above the one-sided {regressionConfidence:P1} prediction bound of their spread.")
                .AppendLine()
                .AppendLine("| Metric | Value | Ratio now | Stored ratio (runs) | Change | Provable above | Verdict |")
                .AppendLine("|---|---|---|---|---|---|---|");
            foreach (var r in regressions)
            {
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Id}{PairedRegression.MetricSuffix} | {r.Value:G4} | {r.CurrentRatio:G4} | {r.BaselineRatio:G4} ({r.BaselineRuns}) | {r.Slowdown:+0.0%;-0.0%} | {r.DetectableSlowdown:+0.0%} | {r.Verdict} |");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(evidencePath)!);
        File.WriteAllText(evidencePath, JsonSerializer.Serialize(new { Directory = directory, Profile = profile, Failpoints = failpoints, WrittenAt = now, settings.Confidence, settings.Relative, RegressionConfidence = regressionConfidence, Baseline = baselinePath, BaselineProblem = baselineProblem, Pairs = results }, s_json));
        var sections = Path.Combine(artifacts, "report-sections");
        Directory.CreateDirectory(sections);
        File.WriteAllText(Path.Combine(sections, "benchmarks-paired.md"), table.ToString());
        File.WriteAllText(Path.Combine(sections, "benchmarks-paired.html"), PairedHtmlWriter.Render(rendered, profile, settings.Confidence, baselinePath is null ? null : Path.GetFileName(baselinePath)));
        output.WriteLine($"{Name}: {results.Count} pairs read; evidence {evidencePath}");
        return allOk ? 0 : 1;
    }

    /// <summary>The command line of one run, defaults applied.</summary>
    private sealed record Request(
        string Artifacts,
        string? Paired,
        double Confidence,
        string Profile,
        IReadOnlyList<string> Failpoints,
        string? Baseline,
        double RegressionConfidence,
        MetricSelection Selection);
}
