using System.CommandLine;
using Socrates.Evidence;
using Socrates.BenchmarkAnalysis.Baselines;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Evaluation;
using Socrates.BenchmarkAnalysis.Output;
using Socrates.BenchmarkAnalysis.Results;

namespace Socrates.BenchmarkAnalysis;

/// <summary>
/// <c>bench-compare</c>: reads BenchmarkDotNet's full JSON results, the comparisons file and the
/// stored baseline; writes one metric file per comparison (and its <c>.estimate</c>) under
/// <c>{artifacts}/metrics</c>, and the evidence <c>{artifacts}/benchmarks/comparisons.json</c>,
/// <c>.md</c> and <c>.html</c>.
/// <code>
/// bench-compare --comparisons benchmarks/comparisons.json --artifacts artifacts
///               [--results artifacts/benchmarks/results] [--baseline fixtures/baselines/ci.json]
///               [--profile ci] [--failpoints a,b] [--metric NAME ...]
/// </code>
/// With <c>--metric</c> (repeatable) only the comparisons writing one of those metrics (or its
/// <c>.estimate</c>) are computed, reported and written: a targeted run ran only their benchmarks.
/// Exit codes: 0 every selected comparison produced its metric; 1 at least one did not (its error is in
/// comparisons.json and its metric is absent, so its gate reports "missing"); 2 wrong usage or an
/// invalid comparisons file.
/// </summary>
public static class BenchmarkComparisonCommand
{
    public const string Name = "bench-compare";

    public static Command Create(TextWriter output, TextWriter error, DateTimeOffset now)
    {
        var comparisons = AnalysisOptions.Required("--comparisons", "file", "The comparisons file.");
        var artifacts = AnalysisOptions.Required("--artifacts", "folder", "Where metrics/ and benchmarks/comparisons.* are written.");
        var results = AnalysisOptions.Optional("--results", "folder", "BenchmarkDotNet's results folder [default: <artifacts>/benchmarks/results].");
        var baseline = AnalysisOptions.Optional("--baseline", "file", "The stored baseline the regressions are judged against.");
        var profile = AnalysisOptions.Profile();
        var failpoints = AnalysisOptions.Failpoints();
        var metrics = AnalysisOptions.Metrics();
        var command = new Command(Name, "BenchmarkDotNet results against the comparisons file (and a stored baseline): one metric per comparison, evidence in <artifacts>/benchmarks/comparisons.*. Exit 0: every selected comparison produced its metric. 1: one did not. 2: wrong usage or invalid comparisons file.")
        {
            comparisons, artifacts, results, baseline, profile, failpoints, metrics,
        };
        command.SetAction(parse => Run(
            new Request(
                parse.GetValue(comparisons)!,
                parse.GetValue(artifacts)!,
                parse.GetValue(results),
                parse.GetValue(baseline),
                AnalysisOptions.ProfileOrEnvironment(parse.GetValue(profile)),
                AnalysisOptions.FailpointsOrEnvironment(parse.GetValue(failpoints)),
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
        ComparisonsFile comparisons;
        string artifacts, results;
        string? baselinePath;
        var (profile, failpoints, selection) = (request.Profile, request.Failpoints, request.Selection);
        try
        {
            comparisons = ComparisonsFileReader.Read(request.Comparisons);
            comparisons = comparisons with { Comparisons = [.. comparisons.Comparisons.Where(c => selection.IncludesAny(c.MetricNames))] };
            artifacts = Path.GetFullPath(request.Artifacts);
            results = Path.GetFullPath(request.Results ?? Path.Combine(artifacts, "benchmarks", "results"));
            baselinePath = request.Baseline is { } b ? Path.GetFullPath(b) : null;
        }
        catch (Exception e) when (e is ArgumentException or ComparisonsFileException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return AnalysisCli.UsageExitCode;
        }

        if (selection.IsTargeted && comparisons.Comparisons.Count == 0)
        {
            output.WriteLine($"{Name}: no comparison writes {selection}; nothing to compare");
            return 0;
        }

        var run = BenchmarkResultsReader.ReadDirectory(results);
        BaselineFile? baseline = null;
        string? baselineProblem = null;
        if (baselinePath is null)
        {
            baselineProblem = "no stored baseline was given (--baseline): write one with the baseline command";
        }
        else
        {
            try
            {
                baseline = BaselineStore.Read(baselinePath);
                baselineProblem = baseline is null ? $"the stored baseline '{baselinePath}' does not exist: write it with the baseline command (Cake target Baseline)" : null;
            }
            catch (BaselineFileException e)
            {
                baselineProblem = e.Message;
            }
        }

        var outcomes = BenchmarkComparer.Compare(comparisons, run, baseline, baselineProblem);
        var report = new ComparisonReport(
            comparisons.Path,
            results,
            baseline is null ? null : baselinePath,
            baseline?.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
            run.Host,
            profile,
            now,
            run.Errors,
            outcomes);

        var evidenceDirectory = Path.Combine(artifacts, "benchmarks");
        var evidencePath = Path.Combine(evidenceDirectory, "comparisons.json");
        ComparisonEvidenceWriter.Write(report, evidencePath);
        ComparisonEvidenceWriter.WriteText(Path.Combine(evidenceDirectory, "comparisons.md"), ComparisonMarkdownWriter.Render(report));
        ComparisonEvidenceWriter.WriteText(Path.Combine(evidenceDirectory, "comparisons.html"), ComparisonHtmlWriter.Render(report));

        // The same fragments, for the gate report's benchmark section.
        var sections = Path.Combine(artifacts, "report-sections");
        Directory.CreateDirectory(sections);
        ComparisonEvidenceWriter.WriteText(Path.Combine(sections, "benchmarks.md"), ComparisonMarkdownWriter.Render(report));
        ComparisonEvidenceWriter.WriteText(Path.Combine(sections, "benchmarks.html"), ComparisonHtmlWriter.Render(report));

        var metrics = Path.Combine(artifacts, "metrics");
        var evidence = Path.GetRelativePath(artifacts, evidencePath).Replace('\\', '/');
        foreach (var outcome in outcomes)
        {
            var definition = comparisons.Comparisons.First(c => c.Id == outcome.Id);
            if (!outcome.IsOk)
            {
                foreach (var name in definition.MetricNames)
                {
                    MetricFileWriter.Remove(metrics, name);
                }

                error.WriteLine($"{Name}: {outcome.Id}: no metric: {outcome.Error}");
                continue;
            }

            MetricFileWriter.Write(metrics, new MetricRecord(outcome.Id, outcome.Value!.Value, outcome.Unit, evidence, MetricFileWriter.BenchmarksSuite, profile, failpoints, now));
            if (definition.Measure == ComparisonMeasure.Time)
            {
                MetricFileWriter.Write(metrics, new MetricRecord(definition.EstimateId, outcome.Estimate!.Value, outcome.Unit, evidence, MetricFileWriter.BenchmarksSuite, profile, failpoints, now));
            }

            output.WriteLine($"{Name}: {outcome.Id} = {outcome.Value:G6} {outcome.Unit} (estimate {outcome.Estimate:G6}; {outcome.Verdict})");
        }

        output.WriteLine($"{Name}: {outcomes.Count(o => o.IsOk)} of {outcomes.Count} comparisons measured; evidence {evidencePath}");
        return outcomes.All(o => o.IsOk) ? 0 : 1;
    }

    /// <summary>The command line of one run, defaults applied.</summary>
    private sealed record Request(
        string Comparisons,
        string Artifacts,
        string? Results,
        string? Baseline,
        string Profile,
        IReadOnlyList<string> Failpoints,
        MetricSelection Selection);

    internal static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
