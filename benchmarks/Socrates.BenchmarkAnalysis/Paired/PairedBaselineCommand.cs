using Socrates.Evidence;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Socrates.BenchmarkAnalysis.Baselines;
using Socrates.BenchmarkAnalysis.Comparisons;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>
/// <c>paired-baseline</c>: turns several whole paired runs into the stored baseline the regression
/// check compares against. Each subdirectory of <c>--runs</c> is one run's paired folder (what the
/// harness writes under <c>{artifacts}/benchmarks/paired</c>) or holds one as <c>paired/</c>; every pair's time ratio is taken
/// from each run exactly as <c>paired-compare</c> computes it.
/// <code>
/// paired-baseline --runs artifacts/paired-baseline --out fixtures/baselines/paired-ci.json --profile ci
/// </code>
/// Exit codes: 0 written; 1 a pair has fewer than <see cref="PairedBaselineFile.MinimumRuns"/> usable runs
/// (nothing written); 2 wrong usage or an unreadable samples file.
/// </summary>
public static class PairedBaselineCommand
{
    public const string Name = "paired-baseline";

    private static readonly string[] s_options = ["runs", "out", "profile"];

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error, DateTimeOffset.UtcNow));

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string runs, outPath, profile;
        List<(string Run, List<PairedSamples> Samples)> read;
        try
        {
            var options = CommandArguments.Parse(args, s_options);
            runs = Path.GetFullPath(options.Required("runs"));
            outPath = Path.GetFullPath(options.Required("out"));
            profile = options.Required("profile");
            if (!Directory.Exists(runs))
            {
                throw new ArgumentException($"--runs '{runs}' is not a directory.");
            }

            read = [.. Directory.EnumerateDirectories(runs).Order(StringComparer.Ordinal).Select(d => (d, PairedSamplesReader.Read(Directory.Exists(Path.Combine(d, "paired")) ? Path.Combine(d, "paired") : d)))];
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 2;
        }
        catch (JsonException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return 2;
        }

        var ratios = new SortedDictionary<string, (string Kind, List<double> Runs)>(StringComparer.Ordinal);
        foreach (var (run, samples) in read)
        {
            foreach (var pair in samples)
            {
                if (!string.Equals(pair.Profile, profile, StringComparison.Ordinal) || pair.Failpoints.Count > 0)
                {
                    error.WriteLine($"{Name}: {run}: {pair.Id} was measured with profile '{pair.Profile}' and failpoints [{string.Join(",", pair.Failpoints)}]; a baseline takes clean runs of profile '{profile}' only");
                    return 2;
                }

                var (comparison, problem) = PairedComparison.Compute(pair, NoiseFloors.Default);
                if (comparison is null)
                {
                    error.WriteLine($"{Name}: {run}: {pair.Id}: run skipped: {problem}");
                    continue;
                }

                if (!ratios.TryGetValue(pair.Id, out var entry))
                {
                    entry = (pair.Kind, []);
                    ratios[pair.Id] = entry;
                }

                entry.Runs.Add(comparison.MedianRatio);
            }
        }

        var thin = ratios.Where(r => r.Value.Runs.Count < PairedBaselineFile.MinimumRuns).Select(r => $"{r.Key} ({r.Value.Runs.Count})").ToList();
        if (ratios.Count == 0 || thin.Count > 0)
        {
            error.WriteLine($"{Name}: nothing written: {(ratios.Count == 0 ? $"no paired samples under the run folders of '{runs}'" : "too few usable runs for " + string.Join(", ", thin))}; at least {PairedBaselineFile.MinimumRuns} are needed");
            return 1;
        }

        var file = new PairedBaselineFile(
            $"Paired time ratios (candidate/baseline, median of the rounds) of {read.Count} clean runs of the paired suite, profile {profile}. Written on purpose by `dotnet cake --target=Baseline`; paired-compare judges a run against their spread.",
            profile,
            now,
            string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}"),
            ratios.ToDictionary(r => r.Key, r => new PairedBaselineEntry(r.Value.Kind, r.Value.Runs), StringComparer.Ordinal));
        try
        {
            file.Write(outPath);
        }
        catch (IOException e)
        {
            error.WriteLine($"{Name}: '{outPath}' could not be written: {e.Message}");
            return 2;
        }

        foreach (var (id, entry) in file.Pairs)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name}: {id}: {entry.Runs.Count} runs, ratio {entry.Runs.Min():G4}..{entry.Runs.Max():G4}"));
        }

        output.WriteLine($"{Name}: written {outPath}");
        return 0;
    }
}
