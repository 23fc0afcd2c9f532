// Socrates Gates pipeline.
//   dotnet tool restore && dotnet cake --target=Gates [--profile=quick|ci|full] [--configuration=Release]
// Gates runs every suite, evaluates gates.json against the evidence they wrote, writes the report
// under artifacts/gates/ and ends non-zero on NO-GO. A failing suite never stops the report: the
// report shows what failed, and the exit code comes last.

using System.Diagnostics;
using System.Text.Json;

var target = Argument("target", "Gates");
var profile = Argument("profile", "quick").ToLowerInvariant();
var configuration = Argument("configuration", "Release");
// Canary runs re-run a suite once per gate; on by default only in the full profile.
var runCanaries = Argument("canaries", profile == "full");
// --canary-gates=id,id runs only those gates' canaries (the others report "not run").
var canaryGates = Argument("canary-gates", string.Empty)
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

if (profile is not ("quick" or "ci" or "full"))
{
    throw new CakeException(2, $"--profile={profile} is not a profile; use quick, ci or full.");
}

var root = MakeAbsolute(Directory(".")).FullPath;
var artifacts = $"{root}/artifacts";
var solution = $"{root}/Socrates.Gates.sln";
var gatesFile = $"{root}/gates.json";
var gateEngine = $"{root}/src/Socrates.Gates/bin/{configuration}/net10.0/Socrates.Gates.dll";
var suiteRuns = new List<SuiteRun>();

// One suite = one kind of evidence: a test category run over every test project.
var suites = new Dictionary<string, string>
{
    ["unit"] = "Category=Unit",
    ["properties"] = "Category=Property",
    ["stress"] = "Category=Stress",
    ["accuracy"] = "Category=Accuracy",
    ["integrity"] = "Category=Integrity",
    // Speed and memory of the real code: never under coverage, whose instrumentation slows managed
    // code and not the native SQLite it is compared with (the migrator read 0.37 of a bare insert
    // under it, 0.60-0.72 without).
    ["measurement"] = "Category=Measurement",
};

Task("Clean")
    .Does(() =>
{
    if (DirectoryExists(artifacts)) { DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true }); }
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration, Verbosity = DotNetVerbosity.Quiet });
});

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test")
    .Description("Unit tests (Category=Unit) with TRX and coverage.")
    .IsDependentOn("Build")
    .Does(() => RequireGreen(RunSuite("unit", collectCoverage: true)));

Task("Properties")
    .Description("Property-based and stress tests (Category=Property, Category=Stress).")
    .IsDependentOn("Build")
    .Does(() => RequireGreen(RunSuite("properties", collectCoverage: true), RunSuite("stress", collectCoverage: false)));

Task("Accuracy")
    .IsDependentOn("Build")
    .Does(() => RequireGreen(RunSuite("accuracy", collectCoverage: false)));

Task("Integrity")
    .IsDependentOn("Build")
    .Does(() => RequireGreen(RunSuite("integrity", collectCoverage: true), RunSuite("measurement", collectCoverage: false)));

Task("Benchmarks")
    .IsDependentOn("Build")
    .Does(() => RequireGreen(RunBenchmarks()));

Task("Baseline")
    .Description("Rewrites the stored baselines of <profile> on purpose, never as part of Gates: fixtures/baselines/<profile>.json from a BenchmarkDotNet run and fixtures/baselines/paired-<profile>.json from --baseline-runs (default 10) clean runs of the paired suite plus --baseline-busy-runs (default 6) with one core kept busy. --baseline-scope=paired|bdn writes one of them.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var scope = Argument("baseline-scope", "all");
    if (scope is not ("all" or "paired" or "bdn")) { throw new CakeException($"--baseline-scope={scope}: use all, paired or bdn."); }
    if (scope != "paired")
    {
        // BenchmarkDotNet alone: comparing against the baseline being replaced would refuse to
        // write a profile's first one (every regression comparison reads "missing" without it).
        var measured = RunBenchmarkDotNet(new Dictionary<string, string> { ["SOCRATES_PROFILE"] = profile, ["SOCRATES_ARTIFACTS"] = artifacts, ["SOCRATES_FAILPOINTS"] = string.Empty }, artifacts);
        if (measured != 0) { throw new CakeException(measured, "BenchmarkDotNet failed (see above); no baseline was written."); }
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .AppendQuoted(gateEngine).Append("baseline")
                .Append("--comparisons").AppendQuoted($"{root}/benchmarks/comparisons.json")
                .Append("--results").AppendQuoted($"{artifacts}/benchmarks/results")
                .Append("--profile").Append(profile)
                .Append("--out").AppendQuoted($"{root}/fixtures/baselines/{profile}.json"),
        });
        if (exitCode != 0) { throw new CakeException(exitCode, "The baseline was not written (see above)."); }
        Information($"Baseline written: fixtures/baselines/{profile}.json. Review the diff before committing it.");
    }

    if (scope != "bdn")
    {
        // The regression check judges a run against the spread of whole runs (docs/benchmarks.md),
        // so the paired baseline is several clean runs, each in its own process: --baseline-runs on
        // the machine as it is, then --baseline-busy-runs with one core kept busy by a competing
        // process, so that the spread covers the busy moments of a shared CI machine too.
        var runs = Argument("baseline-runs", 10);
        var busyRuns = Argument("baseline-busy-runs", 6);
        var runsRoot = $"{artifacts}/paired-baseline";
        if (DirectoryExists(runsRoot)) { DeleteDirectory(runsRoot, new DeleteDirectorySettings { Recursive = true, Force = true }); }
        for (var i = 1; i <= runs + busyRuns; i++)
        {
            var busy = i > runs;
            using var competitor = busy
                ? System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sh", "-c \"while :; do :; done\"") { UseShellExecute = false })
                : null;
            try
            {
                var run = StartProcess("dotnet", new ProcessSettings
                {
                    Arguments = new ProcessArgumentBuilder()
                        .Append("run").Append("--project").AppendQuoted($"{root}/benchmarks/Socrates.Benchmarks/Socrates.Benchmarks.csproj")
                        .Append("--configuration").Append("Release").Append("--no-build").Append("--")
                        .Append("--profile").Append(profile)
                        .Append("--artifacts").AppendQuoted($"{runsRoot}/{(busy ? "busy" : "quiet")}-{i:D2}")
                        .Append("--paired-only"),
                    EnvironmentVariables = new Dictionary<string, string> { ["SOCRATES_PROFILE"] = profile, ["SOCRATES_FAILPOINTS"] = string.Empty },
                });
                if (run != 0) { throw new CakeException(run, $"Paired baseline run {i} failed (see above); nothing was written."); }
            }
            finally
            {
                if (competitor is not null && !competitor.HasExited) { competitor.Kill(entireProcessTree: true); }
            }
        }

        var written = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .AppendQuoted(gateEngine).Append("paired-baseline")
                .Append("--runs").AppendQuoted(runsRoot)
                .Append("--profile").Append(profile)
                .Append("--out").AppendQuoted($"{root}/fixtures/baselines/paired-{profile}.json"),
        });
        if (written != 0) { throw new CakeException(written, "The paired baseline was not written (see above)."); }
        Information($"Paired baseline written: fixtures/baselines/paired-{profile}.json ({runs} quiet and {busyRuns} busy runs). Review the diff before committing it.");
    }
});

Task("Coverage")
    .Description("Merges the cobertura files of the suites run so far into artifacts/coverage (HTML + JSON summary).")
    .Does(() => RequireGreen(MergeCoverage()));

Task("Report")
    .Description("Evaluates gates.json against the evidence already under artifacts/; runs no suite.")
    .Does(() =>
{
    var exitCode = Evaluate();
    if (exitCode != 0) { throw new CakeException(exitCode, ExitMessage(exitCode)); }
});

Task("Gates")
    .Description("Runs every suite, the canaries (full profile), evaluates every gate and writes the report.")
    .IsDependentOn("Build")
    .Does(() =>
{
    ResetEvidence();
    RunSuite("unit", collectCoverage: true);
    RunSuite("properties", collectCoverage: true);
    RunSuite("stress", collectCoverage: false);
    RunSuite("accuracy", collectCoverage: false);
    RunSuite("integrity", collectCoverage: true);
    RunSuite("measurement", collectCoverage: false);
    RunBenchmarks();
    MergeCoverage();
    if (runCanaries) { RunCanaries(); }
    WriteSuiteRuns();
    var exitCode = Evaluate();
    Information($"Report: {artifacts}/gates/gate-report.html");
    if (exitCode != 0) { throw new CakeException(exitCode, ExitMessage(exitCode)); }
});

RunTarget(target);

// ---------------------------------------------------------------------------------------------

// Deletes the evidence of earlier runs (a stale metric must never pass a gate) but keeps the
// previous gate report, which the engine compares against.
void ResetEvidence()
{
    foreach (var folder in new[] { "metrics", "test-results", "coverage", "canaries", "evidence", "benchmarks" })
    {
        var path = $"{artifacts}/{folder}";
        if (DirectoryExists(path)) { DeleteDirectory(path, new DeleteDirectorySettings { Recursive = true, Force = true }); }
    }
    EnsureDirectoryExists(artifacts);
}

SuiteRun RunSuite(string suite, bool collectCoverage, string? failpoint = null, string? fixture = null, string? artifactsRoot = null)
{
    var filter = suites[suite];
    var outputRoot = artifactsRoot ?? artifacts;
    // The engine reads test-results/<suite>.<part>.trx: one file per test project, counted together.
    var results = $"{outputRoot}/test-results";
    EnsureDirectoryExists(results);
    var watch = Stopwatch.StartNew();
    var exitCode = 0;
    var environment = new Dictionary<string, string>
    {
        ["SOCRATES_PROFILE"] = profile,
        ["SOCRATES_ARTIFACTS"] = outputRoot,
        ["SOCRATES_FAILPOINTS"] = failpoint ?? string.Empty,
        ["SOCRATES_CANARY_FIXTURE"] = fixture ?? string.Empty,
    };

    // One `dotnet test` over the solution per suite: the test projects run in parallel and each
    // writes <suite>_<tfm>_<time>.trx, renamed below to <suite>.<n>.trx, the engine's layout.
    var args = new ProcessArgumentBuilder()
        .Append("test").AppendQuoted(solution)
        .Append("--configuration").Append(configuration)
        .Append("--no-build")
        .Append("--filter").AppendQuoted(filter)
        .Append("--logger").AppendQuoted($"trx;LogFilePrefix={suite}")
        .Append("--logger").AppendQuoted("console;verbosity=minimal")
        .Append("--results-directory").AppendQuoted(results);
    if (suite is "stress" or "accuracy" or "measurement")
    {
        // Timing-sensitive suites (latency ratios, queries/s): one test project at a time.
        args.Append("-maxcpucount:1");
    }
    if (collectCoverage)
    {
        args.Append("--collect").AppendQuoted("XPlat Code Coverage")
            .Append("--settings").AppendQuoted($"{root}/coverlet.runsettings");
    }

    exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = args, EnvironmentVariables = environment });
    var part = 0;
    foreach (var trx in GetFiles($"{results}/{suite}_*.trx").OrderBy(f => f.FullPath))
    {
        MoveFile(trx, $"{results}/{suite}.{++part}.trx");
    }

    var run = new SuiteRun(suite, exitCode, watch.Elapsed.TotalSeconds, exitCode == 0 ? "passed" : "failed", failpoint);
    if (artifactsRoot is null) { suiteRuns.Add(run); }
    Information($"Suite {suite}: {run.Status} in {run.DurationSeconds:F1}s");
    return run;
}

// BenchmarkDotNet alone (every benchmark class, the profile's job); results under {outputRoot}/benchmarks/results.
int RunBenchmarkDotNet(Dictionary<string, string> environment, string outputRoot) => StartProcess("dotnet", new ProcessSettings
{
    Arguments = new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted($"{root}/benchmarks/Socrates.Benchmarks/Socrates.Benchmarks.csproj")
        .Append("--configuration").Append("Release").Append("--no-build").Append("--")
        .Append("--profile").Append(profile)
        .Append("--artifacts").AppendQuoted($"{outputRoot}/benchmarks"),
    EnvironmentVariables = environment,
});

// BenchmarkDotNet (before against after), then bench-compare turns the per-iteration samples
// into metric files with a statistical test (see docs/benchmarks.md).
SuiteRun RunBenchmarks(string? failpoint = null, string? artifactsRoot = null)
{
    var watch = Stopwatch.StartNew();
    var outputRoot = artifactsRoot ?? artifacts;
    var environment = new Dictionary<string, string>
    {
        ["SOCRATES_PROFILE"] = profile,
        ["SOCRATES_ARTIFACTS"] = outputRoot,
        ["SOCRATES_FAILPOINTS"] = failpoint ?? string.Empty,
    };
    var project = $"{root}/benchmarks/Socrates.Benchmarks/Socrates.Benchmarks.csproj";
    var exitCode = RunBenchmarkDotNet(environment, outputRoot);
    // The paired suite after BenchmarkDotNet: the harness runs each pair in a process of its own
    // under pinned JIT settings (Paired/PairedProcesses.cs: in a shared process, or with the
    // runtime's default tiering, the point load was bimodal from process to process).
    var pairedRun = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("run").Append("--project").AppendQuoted(project)
            .Append("--configuration").Append("Release").Append("--no-build").Append("--")
            .Append("--profile").Append(profile)
            .Append("--artifacts").AppendQuoted($"{outputRoot}/benchmarks")
            .Append("--paired-only"),
        EnvironmentVariables = environment,
    });
    exitCode = Math.Max(exitCode, pairedRun);
    var compare = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .AppendQuoted(gateEngine).Append("bench-compare")
            .Append("--comparisons").AppendQuoted($"{root}/benchmarks/comparisons.json")
            .Append("--artifacts").AppendQuoted(outputRoot)
            .Append("--results").AppendQuoted($"{outputRoot}/benchmarks/results")
            .Append("--baseline").AppendQuoted($"{root}/fixtures/baselines/{profile}.json")
            .Append("--profile").Append(profile),
        EnvironmentVariables = environment,
    });
    // The paired, interleaved comparisons (docs/benchmarks.md): the harness ran them after
    // BenchmarkDotNet (--paired); a signed-rank test turns their rounds into metrics.
    // A profile without stored paired runs (quick, full) gets no regression metrics; its gates
    // need none (the paired regression gates judge the ci profile, where the baseline was taken).
    var pairedBaseline = $"{root}/fixtures/baselines/paired-{profile}.json";
    var pairedArguments = new ProcessArgumentBuilder()
        .AppendQuoted(gateEngine).Append("paired-compare")
        .Append("--artifacts").AppendQuoted(outputRoot)
        .Append("--profile").Append(profile);
    if (FileExists(pairedBaseline)) { pairedArguments.Append("--baseline").AppendQuoted(pairedBaseline); }
    var paired = StartProcess("dotnet", new ProcessSettings { Arguments = pairedArguments, EnvironmentVariables = environment });
    exitCode = Math.Max(exitCode, Math.Max(compare, paired));
    var run = new SuiteRun("benchmarks", exitCode, watch.Elapsed.TotalSeconds, exitCode == 0 ? "passed" : "failed", failpoint);
    if (artifactsRoot is null) { suiteRuns.Add(run); }
    Information($"Suite benchmarks: {run.Status} in {run.DurationSeconds:F1}s");
    return run;
}

SuiteRun MergeCoverage()
{
    var watch = Stopwatch.StartNew();
    var reports = GetFiles($"{artifacts}/test-results/**/coverage.cobertura.xml");
    if (!reports.Any())
    {
        Warning("No coverage files to merge: the coverage gates will report their metric missing.");
        return new SuiteRun("coverage", 1, 0, "failed", null);
    }

    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("tool").Append("run").Append("reportgenerator")
            .Append($"-reports:{string.Join(';', reports.Select(r => r.FullPath))}")
            .Append($"-targetdir:{artifacts}/coverage")
            .Append("-reporttypes:Html;JsonSummary;Cobertura")
            .Append("-assemblyfilters:+Socrates.Core;+Socrates.Gates;+Socrates.Testing"),
    });
    var run = new SuiteRun("coverage", exitCode, watch.Elapsed.TotalSeconds, exitCode == 0 ? "passed" : "failed", null);
    suiteRuns.Add(run);
    return run;
}

// Full profile: for each gate with a canary, run the suite that feeds it again with the defect
// injected, into artifacts/canaries/<gate>/; the engine then checks the gate went red there.
void RunCanaries()
{
    var plan = RunEngineCapture("plan-canaries", "--gates", gatesFile, "--profile", profile);
    using var document = JsonDocument.Parse(plan);
    foreach (var canary in document.RootElement.EnumerateArray())
    {
        var gate = canary.GetProperty("gate").GetString()!;
        if (canaryGates.Count > 0 && !canaryGates.Contains(gate)) { continue; }
        var suite = canary.GetProperty("suite").GetString()!;
        var failpoint = canary.TryGetProperty("failpoint", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var fixture = canary.TryGetProperty("fixture", out var x) && x.ValueKind == JsonValueKind.String ? $"{root}/{x.GetString()}" : null;
        var canaryRoot = $"{artifacts}/canaries/{gate}";
        // The same suite with the same defect answers the same way: reuse the earlier gate's run
        // (unless --canary-gates left that gate out).
        var sameRunAs = canary.TryGetProperty("sameRunAs", out var same) && same.ValueKind == JsonValueKind.String ? same.GetString() : null;
        if (sameRunAs is not null && DirectoryExists($"{artifacts}/canaries/{sameRunAs}"))
        {
            Information($"Canary for gate {gate}: gate {sameRunAs}'s run (suite {suite} with {failpoint ?? fixture}), reused");
            CopyDirectory($"{artifacts}/canaries/{sameRunAs}", canaryRoot);
            continue;
        }
        Information($"Canary for gate {gate}: suite {suite} with {failpoint ?? fixture}");
        if (suite == "benchmarks")
        {
            RunBenchmarks(failpoint, canaryRoot);
            continue;
        }
        if (suite == "coverage")
        {
            // The coverage gates read ReportGenerator's summary: their canary is a known-bad one.
            EnsureDirectoryExists($"{canaryRoot}/coverage");
            CopyFile(fixture!, $"{canaryRoot}/coverage/Summary.json");
            continue;
        }
        RunSuite(suite, collectCoverage: false, failpoint, fixture, canaryRoot);
    }
}

int Evaluate()
{
    if (!FileExists(gateEngine))
    {
        DotNetBuild($"{root}/src/Socrates.Gates/Socrates.Gates.csproj", new DotNetBuildSettings { Configuration = configuration });
    }

    var commit = GitCommit();
    return StartProcess("dotnet", new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .AppendQuoted(gateEngine).Append("evaluate")
            .Append("--gates").AppendQuoted(gatesFile)
            .Append("--artifacts").AppendQuoted(artifacts)
            .Append("--profile").Append(profile)
            .Append("--out").AppendQuoted($"{artifacts}/gates")
            .Append("--commit").Append(commit)
            .Append(runCanaries && canaryGates.Count == 0 ? "--run-canaries-expected" : string.Empty),
    });
}

string RunEngineCapture(params string[] arguments)
{
    var args = new ProcessArgumentBuilder().AppendQuoted(gateEngine);
    foreach (var argument in arguments) { args.AppendQuoted(argument); }
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = args, RedirectStandardOutput = true }, out var output);
    if (exitCode != 0) { throw new CakeException(exitCode, $"Gate engine failed: {string.Join(' ', arguments)}"); }
    return string.Join('\n', output);
}

string GitCommit()
{
    try
    {
        var exitCode = StartProcess("git", new ProcessSettings { Arguments = "rev-parse --short HEAD", RedirectStandardOutput = true }, out var output);
        return exitCode == 0 ? output.FirstOrDefault() ?? "unknown" : "unknown";
    }
    catch (Exception)
    {
        return "unknown";
    }
}

void WriteSuiteRuns()
{
    var json = JsonSerializer.Serialize(
        suiteRuns.Select(r => new { suite = r.Suite, exitCode = r.ExitCode, durationSeconds = Math.Round(r.DurationSeconds, 1), status = r.Status }),
        new JsonSerializerOptions { WriteIndented = true });
    System.IO.File.WriteAllText($"{artifacts}/suites.json", json);
}

void RequireGreen(params SuiteRun[] runs)
{
    WriteSuiteRuns();
    var failed = runs.Where(r => r.ExitCode != 0).Select(r => r.Suite).ToList();
    if (failed.Count > 0) { throw new CakeException(1, $"Suite(s) failed: {string.Join(", ", failed)}"); }
}

string ExitMessage(int exitCode) => exitCode switch
{
    1 => "NO-GO: see artifacts/gates/gate-report.md",
    2 => "gates.json is invalid or the gate engine was called wrongly (message above)",
    _ => $"the gate engine ended with code {exitCode}",
};

record SuiteRun(string Suite, int ExitCode, double DurationSeconds, string Status, string? Failpoint);
