using BenchmarkDotNet.Running;
using Socrates.Benchmarks.Harness;

// Socrates benchmarks: dotnet run -c Release --project benchmarks/Socrates.Benchmarks --
//   [--profile quick|ci|full] [--artifacts DIR] [--filter PATTERN ...any BenchmarkDotNet option]
// Results: DIR/results/*-report-full.json (per-iteration measurements; read by `bench-compare`)
// and *-report-github.md. Exit code 0 when every selected benchmark measured, 1 when any failed,
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

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run([.. options.BenchmarkDotNetArguments], HarnessConfig.Create(options))
    .ToList();

var problems = RunOutcome.Problems(summaries);
foreach (var problem in problems)
{
    await Console.Error.WriteLineAsync($"error: {problem}");
}

return problems.Count == 0 ? 0 : 1;
