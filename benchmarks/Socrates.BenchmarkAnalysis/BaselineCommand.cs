using System.CommandLine;
using Socrates.BenchmarkAnalysis.Baselines;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Results;

namespace Socrates.BenchmarkAnalysis;

/// <summary>
/// <c>baseline</c>: writes a stored baseline from a run's results, normalised by the reference
/// benchmark the comparisons file names. Only ever run on purpose (the Cake target Baseline):
/// <code>
/// baseline --comparisons benchmarks/comparisons.json --results artifacts/benchmarks/results
///          --profile ci --out fixtures/baselines/ci.json
/// </code>
/// It refuses (exit 1) when the run is incomplete (a benchmark failed, the reference is missing)
/// or when a failpoint is active (a canary run must never become the baseline). Exit 2: usage.
/// </summary>
public static class BaselineCommand
{
    public const string Name = "baseline";

    public static Command Create(TextWriter output, TextWriter error, DateTimeOffset now)
    {
        var comparisons = AnalysisOptions.Required("--comparisons", "file", "The comparisons file (names the reference benchmark).");
        var results = AnalysisOptions.Required("--results", "folder", "BenchmarkDotNet's results folder.");
        var profile = AnalysisOptions.Required("--profile", "name", "The profile the baseline is for.");
        var target = AnalysisOptions.Required("--out", "file", "The baseline file to write.");
        var failpoints = AnalysisOptions.Failpoints();
        var command = new Command(Name, "Stores a BenchmarkDotNet run as a profile's baseline. Exit 0: written. 1: incomplete run or failpoints active (nothing written). 2: wrong usage or invalid comparisons file.")
        {
            comparisons, results, profile, target, failpoints,
        };
        command.SetAction(parse => Run(
            parse.GetValue(comparisons)!,
            parse.GetValue(results)!,
            parse.GetValue(profile)!,
            parse.GetValue(target)!,
            AnalysisOptions.FailpointsOrEnvironment(parse.GetValue(failpoints)),
            output,
            error,
            now));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now) =>
        AnalysisCli.Run([Name, .. args], output, error, now);

    private static int Run(string comparisonsPath, string resultsPath, string profile, string targetPath, IReadOnlyList<string> failpoints, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        ComparisonsFile comparisons;
        string results, target;
        try
        {
            comparisons = ComparisonsFileReader.Read(comparisonsPath);
            results = Path.GetFullPath(resultsPath);
            target = Path.GetFullPath(targetPath);
        }
        catch (Exception e) when (e is ArgumentException or ComparisonsFileException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return AnalysisCli.UsageExitCode;
        }

        if (failpoints.Count > 0)
        {
            error.WriteLine($"{Name}: refusing to write a baseline while failpoints are active ({string.Join(", ", failpoints)}): a canary run is not a baseline.");
            return 1;
        }

        if (comparisons.Reference is null)
        {
            error.WriteLine($"{Name}: {comparisons.Path} names no 'reference' benchmark; a baseline is normalised by it.");
            return 1;
        }

        var run = BenchmarkResultsReader.ReadDirectory(results);
        if (run.Errors.Count > 0 || run.Benchmarks.Count == 0)
        {
            error.WriteLine($"{Name}: refusing to write a baseline from an incomplete run:");
            foreach (var problem in run.Errors.DefaultIfEmpty("no benchmark results"))
            {
                error.WriteLine($"  - {problem}");
            }

            return 1;
        }

        try
        {
            var baseline = BaselineStore.Create(run, comparisons.Reference, profile, now);
            BaselineStore.Write(baseline, target);
            output.WriteLine($"{Name}: wrote {target}: {baseline.Benchmarks.Count} benchmarks normalised by '{baseline.Reference.FullName}' (median {baseline.Reference.MedianNs:F1} ns){(baseline.Skipped is { Count: > 0 } s ? $"; skipped {s.Count}: {string.Join("; ", s)}" : string.Empty)}");
            return 0;
        }
        catch (BaselineFileException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 1;
        }
    }
}
