using BenchmarkDotNet.Running;
using Socrates.Benchmarks.Harness;
using Socrates.Benchmarks.Paired;

// Socrates benchmarks: dotnet run -c Release --project benchmarks/Socrates.Benchmarks --
//   [--profile quick|ci|full] [--artifacts DIR] [--paired | --paired-only] [--paired-filter ID-PART]
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
    var failpoints = (Environment.GetEnvironmentVariable(BenchmarkFailpoints.EnvironmentVariable) ?? string.Empty)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var settings = PairedSettings.For(options.Profile.Name);
    Console.WriteLine($"Paired comparisons: {settings.Rounds} ABBA rounds of ~{settings.SliceTarget.TotalMilliseconds} ms slices, warm-up {settings.Warmup.TotalMilliseconds} ms");
    if (Environment.GetEnvironmentVariable("DOTNET_TieredPGO") != "0")
    {
        // docs/benchmarks.md: with dynamic PGO the code of V2's loads depends on which pairs ran
        // first in this process, and the point load came out 1.09 or 1.45 from run to run.
        Console.WriteLine("Paired comparisons: dynamic PGO is on; the pipeline and the stored baselines run them with DOTNET_TieredPGO=0 (ratios may not be comparable)");
    }
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    var runner = new PairedRunner(settings, options.Profile.Name, failpoints, TimeProvider.System);
    var written = PairedSuite.Run(runner, Path.Combine(options.ArtifactsPath, "paired"), options.PairedFilters, Console.Out, problems);
    Console.WriteLine($"Paired comparisons: {written.Count} written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (checksum {runner.Sink:X})");
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
