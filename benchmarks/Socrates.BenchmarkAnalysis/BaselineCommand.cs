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

    private static readonly string[] s_options = ["comparisons", "results", "profile", "out", "failpoints"];

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error, DateTimeOffset.UtcNow));

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ComparisonsFile comparisons;
        string results, profile, target;
        IReadOnlyList<string> failpoints;
        try
        {
            var options = CommandArguments.Parse(args, s_options);
            comparisons = ComparisonsFileReader.Read(options.Required("comparisons"));
            results = Path.GetFullPath(options.Required("results"));
            profile = options.Required("profile");
            target = Path.GetFullPath(options.Required("out"));
            failpoints = BenchmarkComparisonCommand.SplitList(options.Raw("failpoints") ?? Environment.GetEnvironmentVariable("SOCRATES_FAILPOINTS"));
        }
        catch (Exception e) when (e is ArgumentException or ComparisonsFileException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 2;
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
