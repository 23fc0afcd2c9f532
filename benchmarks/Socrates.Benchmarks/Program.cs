using BenchmarkDotNet.Running;
using Socrates.Benchmarks.Harness;
using Socrates.Core.Failpoints;
using Socrates.Benchmarks.Paired;
using Socrates.Benchmarks.Targeting;

// Socrates benchmarks: dotnet run -c Release --project benchmarks/Socrates.Benchmarks --
//   [--profile quick|ci|full] [--artifacts DIR] [--paired | --paired-only] [--paired-filter ID-PART] [--paired-in-process]
//   [--filter PATTERN ...any BenchmarkDotNet option] | [--metric NAME ... [--comparisons FILE]]
// --metric (repeatable) runs only what feeds those metrics: the BenchmarkDotNet benchmarks their
// comparisons read, their pairs, the setups that write them (docs/benchmarks.md, "Running what feeds one gate").
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

MetricPlan? plan = null;
if (options.Metrics.Count > 0)
{
    var path = options.ComparisonsPath
               ?? ComparisonsIndex.Locate(Environment.CurrentDirectory)
               ?? ComparisonsIndex.Locate(AppContext.BaseDirectory);
    if (path is null || !File.Exists(path))
    {
        await Console.Error.WriteLineAsync($"error: --metric needs the comparisons file ({path ?? ComparisonsIndex.DefaultRelativePath} not found): give it with --comparisons");
        return 2;
    }

    try
    {
        plan = MetricPlan.For(options.Metrics, ComparisonsIndex.Read(path));
    }
    catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
    {
        await Console.Error.WriteLineAsync($"error: {path} cannot be read for --metric: {e.Message}");
        return 2;
    }

    if (plan.Unknown.Count > 0)
    {
        await Console.Error.WriteLineAsync($"error: no comparison in {path}, no pair and no benchmark setup writes {string.Join(", ", plan.Unknown)}");
        return 2;
    }

    Console.WriteLine($"Targeted run for {string.Join(", ", options.Metrics)}: BenchmarkDotNet {(plan.RunsBenchmarkDotNet ? string.Join(' ', plan.BenchmarkDotNetFilters) : "none")}; " +
                      $"pairs {(plan.PairIds.Count > 0 ? string.Join(' ', plan.PairIds) : "none")}; setups {(plan.SetupMetrics.Count > 0 ? string.Join(' ', plan.SetupMetrics) : "none")}");
}

// Metrics written in process (GetUserProjectsBenchmarks' file-size ratio) record this profile.
Environment.SetEnvironmentVariable("SOCRATES_PROFILE", options.Profile.Name);

Console.WriteLine($"Socrates benchmarks: profile {options.Profile.Name} (warm-up {options.Profile.WarmupCount}, " +
                  $"{options.Profile.IterationCount} iterations of {options.Profile.IterationTime.TotalMilliseconds} ms, in process), " +
                  $"artifacts {options.ArtifactsPath}");

var runsBenchmarkDotNet = !options.PairedOnly && (plan is null || plan.RunsBenchmarkDotNet);
IReadOnlyList<string> benchmarkDotNetArguments = plan is null
    ? options.BenchmarkDotNetArguments
    : [.. options.BenchmarkDotNetArguments, "--filter", .. plan.BenchmarkDotNetFilters];
var summaries = runsBenchmarkDotNet
    ? BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
        .Run([.. benchmarkDotNetArguments], HarnessConfig.Create(options))
        .ToList()
    : [];

var problems = runsBenchmarkDotNet ? RunOutcome.Problems(summaries).ToList() : [];
if (plan is not null && !options.PairedOnly)
{
    foreach (var metric in plan.SetupMetrics)
    {
        try
        {
            SetupMetrics.Writers[metric]();
            Console.WriteLine($"Setup metric {metric} written");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems.Add($"setup metric {metric}: {e.GetType().Name}: {e.Message}");
        }
    }
}

var pairedFilters = plan?.PairIds ?? options.PairedFilters;
if (plan is null ? options.Paired : plan.PairIds.Count > 0)
{
    var settings = PairedSettings.For(options.Profile.Name);
    var directory = Path.Combine(options.ArtifactsPath, "paired");
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    IReadOnlyList<string> written;
    if (options.PairedInProcess)
    {
        var failpoints = Failpoint.ActiveFromEnvironment.ToArray();
        if (PairedProcesses.MissingJitSettings() is { Count: > 0 } missing)
        {
            // Run by hand (e.g. under a profiler): the stored baselines were measured under these settings.
            Console.WriteLine($"Paired comparisons: this process runs without {string.Join(", ", missing)}; its ratios may not be comparable with the stored runs");
        }

        Console.WriteLine($"Paired comparisons in process: {settings.Rounds} ABBA rounds of ~{settings.SliceTarget.TotalMilliseconds} ms slices, warm-up {settings.Warmup.TotalMilliseconds} ms");
        var runner = new PairedRunner(settings, options.Profile.Name, failpoints, TimeProvider.System);
        written = PairedSuite.Run(runner, directory, pairedFilters, Console.Out, problems);
        Console.WriteLine($"Paired comparisons in process: {written.Count} written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s (checksum {runner.Sink:X})");
    }
    else
    {
        var ids = PairedSuite.Select(pairedFilters);
        Console.WriteLine($"Paired comparisons: {ids.Count} pairs, each in its own process ({string.Join(", ", PairedProcesses.JitSettings.Select(s => $"{s.Key}={s.Value}"))})");
        written = PairedProcesses.Run(ids, ["--profile", options.Profile.Name, "--paired-only"], options.ArtifactsPath, directory, problems);
        Console.WriteLine($"Paired comparisons: {written.Count} of {ids.Count} written in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    if (written.Count == 0)
    {
        problems.Add($"the paired run measured no pair (filter: {string.Join(' ', pairedFilters)})");
    }
}

foreach (var problem in problems)
{
    await Console.Error.WriteLineAsync($"error: {problem}");
}

return problems.Count == 0 ? 0 : 1;
