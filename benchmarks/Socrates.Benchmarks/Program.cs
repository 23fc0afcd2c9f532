using BenchmarkDotNet.Running;
using Socrates.Benchmarks.Harness;
using Socrates.Benchmarks.Paired;

// Socrates benchmarks: dotnet run -c Release --project benchmarks/Socrates.Benchmarks --
//   [--profile quick|ci|full] [--artifacts DIR] [--paired | --paired-only] [--paired-filter ID-PART] [--paired-in-process]
//   [--filter PATTERN ...any BenchmarkDotNet option]
// Results: DIR/results/*-report-full.json (per-iteration measurements; read by `bench-compare`)
// and *-report-github.md; with --paired, DIR/paired/{id}.json (read by `paired-compare`). Exit code 0 when every selected benchmark measured, 1 when any failed,
// 2 when the command line is wrong.
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 2;
}

// Metrics written in process (GetUserProjectsBenchmarks' file-size ratio) record this profile.
Environment.SetEnvironmentVariable("SOCRATES_PROFILE", options.Profile.Name);

Console.WriteLine($"Socrates benchmarks: profile {options.Profile.Name} (warm-up {options.Profile.WarmupCount}, " +
                  $"{options.Profile.IterationCount} iterations of {options.Profile.IterationTime.TotalMilliseconds} ms, in process), " +
                  $"artifacts {options.ArtifactsPath}");

var summaries = options.PairedOnly
    ? []
    : BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
        .Run([.. options.BenchmarkDotNetArguments], HarnessConfig.Create(options))
        .ToList();

var problems = options.PairedOnly ? [] : RunOutcome.Problems(summaries).ToList();
if (options.Paired)
{
    var settings = PairedSettings.For(options.Profile.Name);
    var directory = Path.Combine(options.ArtifactsPath, "paired");
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    IReadOnlyList<string> written;
    if (options.PairedInProcess)
    {
        var failpoints = (Environment.GetEnvironmentVariable(BenchmarkFailpoints.EnvironmentVariable) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (PairedProcesses.MissingJitSettings() is { Count: > 0 } missing)
        {
            // Run by hand (e.g. under a profiler): the stored baselines were measured under these settings.
            Console.WriteLine($"Paired comparisons: this process runs without {string.Join(", ", missing)}; its ratios may not be comparable with the stored runs");
        }

        Console.WriteLine($"Paired comparisons in process: {settings.Rounds} ABBA rounds of ~{settings.SliceTarget.TotalMilliseconds} ms slices, warm-up {settings.Warmup.TotalMilliseconds} ms");
        var runner = new PairedRunner(settings, options.Profile.Name, failpoints, TimeProvider.System);
        written = PairedSuite.Run(runner, directory, options.PairedFilters, Console.Out, problems);
        Console.WriteLine($"Paired comparisons in process: {written.Count} written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (checksum {runner.Sink:X})");
    }
    else
    {
        var ids = PairedSuite.Select(options.PairedFilters);
        Console.WriteLine($"Paired comparisons: {ids.Count} pairs, each in its own process ({string.Join(", ", PairedProcesses.JitSettings.Select(s => $"{s.Key}={s.Value}"))})");
        written = PairedProcesses.Run(ids, ["--profile", options.Profile.Name, "--paired-only"], options.ArtifactsPath, directory, problems);
        Console.WriteLine($"Paired comparisons: {written.Count} of {ids.Count} written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    if (written.Count == 0)
    {
        problems.Add($"the paired run measured no pair (filter: {string.Join(' ', options.PairedFilters)})");
    }
}

foreach (var problem in problems)
{
    await Console.Error.WriteLineAsync($"error: {problem}");
}

return problems.Count == 0 ? 0 : 1;
