using System.CommandLine;
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

    public static Command Create(TextWriter output, TextWriter error, DateTimeOffset now)
    {
        var runs = AnalysisOptions.Required("--runs", "folder", "One subfolder per whole paired run.");
        var target = AnalysisOptions.Required("--out", "file", "The paired baseline file to write.");
        var profile = AnalysisOptions.Required("--profile", "name", "The profile every run was measured in.");
        var command = new Command(Name, "Stores several paired runs as a profile's paired baseline. Exit 0: written. 1: a pair has too few usable runs (nothing written). 2: wrong usage or an unreadable samples file.")
        {
            runs, target, profile,
        };
        command.SetAction(parse => Run(parse.GetValue(runs)!, parse.GetValue(target)!, parse.GetValue(profile)!, output, error, now));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now) =>
        AnalysisCli.Run([Name, .. args], output, error, now);

    private static int Run(string runsPath, string targetPath, string profile, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        string runs, outPath;
        List<(string Run, List<PairedSamples> Samples)> read;
        try
        {
            runs = Path.GetFullPath(runsPath);
            outPath = Path.GetFullPath(targetPath);
            if (!Directory.Exists(runs))
            {
                throw new ArgumentException($"--runs '{runs}' is not a directory.");
            }

            read = [.. Directory.EnumerateDirectories(runs).Order(StringComparer.Ordinal).Select(d => (d, PairedSamplesReader.Read(Directory.Exists(Path.Combine(d, "paired")) ? Path.Combine(d, "paired") : d)))];
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return AnalysisCli.UsageExitCode;
        }
        catch (JsonException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return AnalysisCli.UsageExitCode;
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
