// Socrates Gates pipeline.
//   dotnet tool restore && dotnet cake --target=Gates [--profile=quick|ci|full] [--configuration=Release]
// Gates runs every suite into a folder of its own (artifacts/runs/<time>-<commit>/), proves every
// gate's canary there, evaluates gates.json against that evidence, writes the report to
// <run>/gates/ and ends non-zero on anything but GO (WITH WARNINGS). A failing suite never stops the
// report: the report shows what failed, and the exit code comes last. artifacts/latest points at
// the newest run; nothing ever writes into an earlier run's folder.

using System.Diagnostics;
using System.Text.Json;

var target = Argument("target", "Gates");
var profile = Argument("profile", "quick").ToLowerInvariant();
var configuration = Argument("configuration", "Release");
// Every profile proves every canary of its gates: each canary reruns only the tests (or the
// benchmark) that feed its gate. --canaries=false opts out (the report then shows them not run).
var runCanaries = Argument("canaries", true);
// --canary-gates=id,id runs only the canary runs that prove those gates (the others report "not run").
// --v1-database=PATH rehearses the migration on the user's own V1 database (see RehearsalSource).
var canaryGates = Argument("canary-gates", string.Empty)
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();

if (profile is not ("quick" or "ci" or "full"))
{
    throw new CakeException(2, $"--profile={profile} is not a profile; use quick, ci or full.");
}

// --v1-database=PATH: a rehearsal. The migration gates run on a copy of the user's own V1
// database instead of generated data (each test copies it; the file itself is only read, its
// SHA-256 compared before and after). Checked here, before anything builds or runs.
var v1Database = RehearsalSource(Argument("v1-database", string.Empty));

var root = MakeAbsolute(Directory(".")).FullPath;
var artifacts = $"{root}/artifacts";
// Where this invocation's evidence goes: a new run folder, made on first use (Report reads one
// that exists instead: --run=<id>, or the latest).
string? runFolder = null;
string Run() => runFolder ??= NewRunFolder();
var solution = $"{root}/Socrates.Gates.sln";
var gatesFile = $"{root}/gates.json";
// --gates=id,... and --suite=name: a partial run for a developer. Only what fed those gates in the
// latest run is run again, then their canaries; the report decides those gates alone (see
// SelectedGates). Checked here, before anything builds.
var selection = SelectedGates(Argument("gates", string.Empty), Argument("suite", string.Empty));
if (selection.Count > 0) { canaryGates = selection.Select(g => g.Id).ToHashSet(); }
var gateEngine = $"{root}/src/Socrates.Gates/bin/{configuration}/net10.0/Socrates.Gates.dll";
// Turns benchmark output into metric files and baselines (bench-compare, baseline, paired-compare, paired-baseline).
var benchmarkAnalysis = $"{root}/benchmarks/Socrates.BenchmarkAnalysis/bin/{configuration}/net10.0/Socrates.BenchmarkAnalysis.dll";
var suiteRuns = new List<SuiteRun>();
var pipelineWatch = Stopwatch.StartNew();

// One suite = one kind of evidence: a test category run over every test project.
// The verdict's exit code, set by Gates and Report and returned once Cake has printed its summary.
var verdictExitCode = 0;

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

// A defect forced on for the whole run (SOCRATES_FAILPOINTS=name,... in the caller's
// environment): the clean suites run with it, so the run shows what a release with that defect
// would get. Canary runs add their own failpoint to it.
var forcedFailpoints = EnvironmentVariable("SOCRATES_FAILPOINTS") ?? string.Empty;
if (forcedFailpoints.Length > 0) { Warning($"SOCRATES_FAILPOINTS={forcedFailpoints}: every suite of this run has that defect on."); }

// Suites whose clean run records which tests check which failpoint (a canary on the test results
// reruns only those tests). Not the timing suites: observing every failpoint check costs time.
var reachRecordingSuites = new HashSet<string> { "unit", "properties", "integrity" };

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
                .AppendQuoted(benchmarkAnalysis).Append("baseline")
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
                .AppendQuoted(benchmarkAnalysis).Append("paired-baseline")
                .Append("--runs").AppendQuoted(runsRoot)
                .Append("--profile").Append(profile)
                .Append("--out").AppendQuoted($"{root}/fixtures/baselines/paired-{profile}.json"),
        });
        if (written != 0) { throw new CakeException(written, "The paired baseline was not written (see above)."); }
        Information($"Paired baseline written: fixtures/baselines/paired-{profile}.json ({runs} quiet and {busyRuns} busy runs). Review the diff before committing it.");
    }
});

Task("Coverage")
    .Description("Merges the cobertura files of the latest run's suites into <run>/coverage (HTML + JSON summary).")
    .Does(() =>
{
    runFolder = ExistingRunFolder();
    RequireGreen(MergeCoverage());
});

Task("Report")
    .Description("Evaluates gates.json against the evidence of an earlier run (--run=<id>, default the latest); runs no suite.")
    .Does(() =>
{
    runFolder = ExistingRunFolder();
    // The engine prints the report's path.
    var exitCode = Evaluate(PreviousReport(runFolder), recordHistory: false);
    EndWith(exitCode);
});

Task("Gates")
    .Description("Runs every suite into a new run folder, proves every canary, evaluates every gate and writes the report.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var previous = LatestReport();
    Information($"Run folder: {Run()}");
    if (v1Database is not null) { Information($"Rehearsal: the migration gates run on a copy of {v1Database}."); }
    if (selection.Count > 0)
    {
        RunSelection();
        return;
    }
    var phases = new List<(string Name, Action Run)>
    {
        ("unit", () => RunSuite("unit", collectCoverage: true)),
        ("properties", () => RunSuite("properties", collectCoverage: true)),
        ("stress", () => RunSuite("stress", collectCoverage: false)),
        ("accuracy", () => RunSuite("accuracy", collectCoverage: false)),
        ("integrity", () => RunSuite("integrity", collectCoverage: true)),
        ("measurement", () => RunSuite("measurement", collectCoverage: false)),
        ("benchmarks", () => RunBenchmarks()),
        ("coverage", () => MergeCoverage()),
    };
    if (runCanaries) { phases.Add(("canaries", RunCanaries)); }
    var lastDurations = LastDurations();
    for (var i = 0; i < phases.Count; i++)
    {
        var left = phases.Skip(i).Select(p => lastDurations.TryGetValue(p.Name, out var d) ? d : double.NaN).ToList();
        var estimate = left.Any(double.IsNaN) ? "" : $"; about {Math.Ceiling(left.Sum() / 60):F0} min left by the last {profile} run";
        Information($"Phase {i + 1}/{phases.Count}: {phases[i].Name} ({Elapsed()} so far{estimate})");
        phases[i].Run();
    }
    WriteSuiteRuns();
    var exitCode = Evaluate(previous, recordHistory: true);
    PointLatestAt(Run());
    Information("The same report is linked as artifacts/latest/gates/.");
    EndWith(exitCode);
});

RunTarget(target);
// Cake ends a failed task with exit code 1 whatever it was thrown with; callers branch on the
// verdict's own code (1 NO-GO, 2 invalid gates file or call, 3 INCONCLUSIVE), so exit with it.
if (verdictExitCode != 0) { System.Environment.Exit(verdictExitCode); }

// ---------------------------------------------------------------------------------------------

// --gates=id,... and --suite=name, checked against gates.json and the profile: an unknown gate or
// suite, or a gate the profile does not run, is a usage error (exit 2) naming it.
List<SelectedGate> SelectedGates(string gatesArgument, string suiteArgument)
{
    var ids = gatesArgument.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
    var suiteName = suiteArgument.Trim();
    if (ids.Count == 0 && suiteName.Length == 0) { return []; }

    using var document = JsonDocument.Parse(System.IO.File.ReadAllText(gatesFile));
    var all = document.RootElement.GetProperty("gates").EnumerateArray()
        .Select(g => new SelectedGate(
            g.GetProperty("id").GetString()!,
            g.GetProperty("suite").GetString()!,
            g.GetProperty("metric").GetString()!,
            g.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()!).ToList()))
        .ToList();
    var errors = new List<string>();
    var chosen = new List<SelectedGate>();
    foreach (var id in ids)
    {
        var gate = all.FirstOrDefault(g => g.Id == id);
        if (gate is null) { errors.Add($"--gates: no gate '{id}' in gates.json"); }
        else if (!gate.Profiles.Contains(profile)) { errors.Add($"--gates: gate '{id}' does not run in profile {profile} (runs in {string.Join(", ", gate.Profiles)})"); }
        else { chosen.Add(gate); }
    }
    if (suiteName.Length > 0)
    {
        var ofSuite = all.Where(g => g.Suite == suiteName && g.Profiles.Contains(profile)).ToList();
        if (ofSuite.Count == 0)
        {
            var known = all.Where(g => g.Profiles.Contains(profile)).Select(g => g.Suite).Distinct().Order();
            errors.Add($"--suite: no gate of profile {profile} has suite '{suiteName}' (suites: {string.Join(", ", known)})");
        }
        chosen.AddRange(ofSuite.Where(g => !chosen.Contains(g)));
    }
    if (errors.Count > 0) { throw new CakeException(2, string.Join(Environment.NewLine, errors)); }
    return chosen;
}

// A partial run: for each selected gate, the tests that wrote its metric (or reached its
// failpoint) in the latest full run, as the canary planner names them; the whole suite where the
// latest run cannot say (no run yet, or the metric was not written by a test); every suite for the
// gates on all test results or on coverage. Then the selected gates' canaries, and a report on
// those gates alone (<run>/gates.selected.json). It is a developer's run, not a release verdict:
// it is neither linked as artifacts/latest nor recorded in the history.
void RunSelection()
{
    Information($"Partial run of {selection.Count} gate(s): {string.Join(", ", selection.Select(g => g.Id))}. Not a release verdict.");
    var needsEverything = selection.Where(g => g.Suite == "coverage" || g.Metric.StartsWith("tests.", StringComparison.Ordinal)).ToList();
    var wholeSuites = new HashSet<string>();
    var targets = new List<(string Suite, string Assembly, string Filter)>();
    var benchmarkMetrics = new List<string>();
    if (needsEverything.Count > 0)
    {
        Information($"{string.Join(", ", needsEverything.Select(g => g.Id))}: decided on every suite's results; every suite runs.");
        wholeSuites.UnionWith(suites.Keys);
    }

    var latest = LatestRunFolder();
    List<JsonElement> plan = latest is null ? [] : PlanFrom(latest);
    foreach (var gate in selection.Except(needsEverything))
    {
        if (gate.Suite == "benchmarks") { benchmarkMetrics.Add(gate.Metric); continue; }
        var entry = plan.FirstOrDefault(r =>
            r.GetProperty("gates").EnumerateArray().Any(g => g.GetString() == gate.Id)
            && !r.GetProperty("problems").TryGetProperty(gate.Id, out _)
            && r.GetProperty("tests").GetArrayLength() > 0);
        if (entry.ValueKind != JsonValueKind.Object || wholeSuites.Contains(gate.Suite))
        {
            if (wholeSuites.Add(gate.Suite))
            {
                Information($"{gate.Id}: {(latest is null ? "no earlier run says which tests feed it" : "the latest run names no test that feeds it")}; all of suite {gate.Suite} runs.");
            }
            continue;
        }
        foreach (var test in entry.GetProperty("tests").EnumerateArray())
        {
            var filter = test.GetProperty("filter").ValueKind == JsonValueKind.String ? test.GetProperty("filter").GetString()! : suites[gate.Suite];
            targets.Add((gate.Suite, test.GetProperty("assembly").GetString()!, filter));
        }
    }

    var coverage = needsEverything.Any(g => g.Suite == "coverage");
    foreach (var suite in suites.Keys.Where(wholeSuites.Contains))
    {
        RunSuite(suite, collectCoverage: coverage && suite is "unit" or "properties" or "integrity");
    }
    var part = 0;
    foreach (var group in targets.Where(t => !wholeSuites.Contains(t.Suite)).GroupBy(t => (t.Suite, t.Assembly)))
    {
        var filter = string.Join('|', group.Select(t => $"({t.Filter})").Distinct());
        Information($"Suite {group.Key.Suite}: the tests of {group.Key.Assembly} that feed the selection");
        var watch = Stopwatch.StartNew();
        var testsExit = RunCanaryTests(group.Key.Suite, Run(), failpoint: null, fixture: null, group.Key.Assembly, filter, ++part);
        suiteRuns.Add(new SuiteRun(group.Key.Suite, testsExit, watch.Elapsed.TotalSeconds, testsExit == 0 ? "passed" : "failed", null));
    }
    if (benchmarkMetrics.Count > 0) { RunBenchmarks(metrics: benchmarkMetrics); }
    if (coverage) { MergeCoverage(); }
    if (runCanaries) { RunCanaries(); }
    WriteSuiteRuns();

    var selectedFile = $"{Run()}/gates.selected.json";
    var document = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(gatesFile))!.AsObject();
    var ids = selection.Select(g => g.Id).ToHashSet();
    var kept = new System.Text.Json.Nodes.JsonArray(document["gates"]!.AsArray()
        .Where(g => ids.Contains(g!["id"]!.GetValue<string>())).Select(g => g!.DeepClone()).ToArray());
    document["gates"] = kept;
    document.Remove("$schema");
    System.IO.File.WriteAllText(selectedFile, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    var verdict = Evaluate(previousReport: null, recordHistory: false, gates: selectedFile, canariesExpected: runCanaries);
    Information($"Partial run: {Run()}/gates/gate-report.html (not linked as artifacts/latest).");
    EndWith(verdict);
}

// How long each phase took in the newest complete run of this profile (its suites.json), for the
// console's estimate of what remains; empty when there is none.
Dictionary<string, double> LastDurations()
{
    var runs = System.IO.Directory.Exists($"{artifacts}/runs") ? System.IO.Directory.GetDirectories($"{artifacts}/runs") : [];
    foreach (var folder in runs.OrderByDescending(f => f, StringComparer.Ordinal).Take(20))
    {
        try
        {
            using var report = JsonDocument.Parse(System.IO.File.ReadAllText($"{folder}/gates/gate-report.json"));
            if (report.RootElement.GetProperty("profile").GetString() != profile || !System.IO.File.Exists($"{folder}/suites.json")) { continue; }
            using var suitesFile = JsonDocument.Parse(System.IO.File.ReadAllText($"{folder}/suites.json"));
            return suitesFile.RootElement.EnumerateArray()
                .GroupBy(r => r.GetProperty("suite").GetString()!)
                .ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("durationSeconds").GetDouble()));
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An unfinished or foreign run folder: try the one before it.
        }
    }
    return [];
}

// The newest run folder (artifacts/latest-run.txt), or null before the first run.
string? LatestRunFolder()
{
    if (!System.IO.File.Exists($"{artifacts}/latest-run.txt")) { return null; }
    var folder = $"{artifacts}/runs/{System.IO.File.ReadAllText($"{artifacts}/latest-run.txt").Trim()}";
    return DirectoryExists(folder) ? folder : null;
}

// The canary planner's runs for the clean evidence in <folder>: per defect, the tests that feed its gates.
List<JsonElement> PlanFrom(string folder)
{
    var plan = RunEngineCapture("plan-canaries", "--gates", gatesFile, "--profile", profile, "--artifacts", folder);
    return JsonDocument.Parse(plan).RootElement.EnumerateArray().ToList();
}

// The V1 database --v1-database names, as a full path; null without the option. A path that is not
// a readable SQLite file is a usage error (exit 2) naming the file and what is wrong with it.
string? RehearsalSource(string argument)
{
    if (string.IsNullOrWhiteSpace(argument)) { return null; }
    var full = System.IO.Path.GetFullPath(argument);
    if (System.IO.Directory.Exists(full)) { throw new CakeException(2, $"--v1-database={argument}: {full} is a folder; name the V1 database file."); }
    if (!System.IO.File.Exists(full)) { throw new CakeException(2, $"--v1-database={argument}: no such file ({full})."); }
    var header = new byte[16];
    try
    {
        using var stream = new System.IO.FileStream(full, System.IO.FileMode.Open, System.IO.FileAccess.Read, System.IO.FileShare.ReadWrite);
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || System.Text.Encoding.ASCII.GetString(header) != "SQLite format 3\0")
        {
            throw new CakeException(2, $"--v1-database={argument}: {full} is not a SQLite database (no SQLite header).");
        }
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        throw new CakeException(2, $"--v1-database={argument}: {full} cannot be read ({ex.Message}).");
    }
    return full;
}

// A new folder for this invocation's evidence: artifacts/runs/<UTC time>-<commit>. Runs never
// share a folder, so nothing a later run or a plain `dotnet test` (artifacts/dev) writes can
// change what an earlier report points at.
string NewRunFolder()
{
    var id = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{GitCommit(full: false)}";
    var folder = $"{artifacts}/runs/{id}";
    for (var n = 2; DirectoryExists(folder); n++) { folder = $"{artifacts}/runs/{id}-{n}"; }
    EnsureDirectoryExists(folder);
    return folder;
}

// --run=<id> or the latest run (artifacts/latest-run.txt): for targets that read evidence.
string ExistingRunFolder()
{
    var id = Argument("run", string.Empty);
    if (string.IsNullOrEmpty(id) && System.IO.File.Exists($"{artifacts}/latest-run.txt"))
    {
        id = System.IO.File.ReadAllText($"{artifacts}/latest-run.txt").Trim();
    }
    var folder = $"{artifacts}/runs/{id}";
    if (string.IsNullOrEmpty(id) || !DirectoryExists(folder))
    {
        throw new CakeException(2, string.IsNullOrEmpty(id)
            ? "No run to read: run `dotnet cake --target=Gates` first, or name one with --run=<id> (folders under artifacts/runs/)."
            : $"--run={id}: no folder artifacts/runs/{id}.");
    }
    return folder;
}

// The newest report of an earlier run, which the change section compares against.
string? LatestReport()
{
    var report = LatestRunFolder() is { } folder ? $"{folder}/gates/gate-report.json" : null;
    return report is not null && System.IO.File.Exists(report) ? report : null;
}

// The report of the run before <folder> (by name, which sorts by time).
string? PreviousReport(string folder)
{
    var name = System.IO.Path.GetFileName(folder);
    return System.IO.Directory.GetDirectories($"{artifacts}/runs")
        .Select(System.IO.Path.GetFileName)
        .Where(n => string.CompareOrdinal(n, name) < 0)
        .OrderByDescending(n => n, StringComparer.Ordinal)
        .Select(n => $"{artifacts}/runs/{n}/gates/gate-report.json")
        .FirstOrDefault(System.IO.File.Exists);
}

// artifacts/latest-run.txt names the newest run; artifacts/latest links to its folder.
void PointLatestAt(string folder)
{
    var id = System.IO.Path.GetFileName(folder);
    System.IO.File.WriteAllText($"{artifacts}/latest-run.txt", id + "\n");
    var link = $"{artifacts}/latest";
    try
    {
        if (System.IO.File.Exists(link) || System.IO.Directory.Exists(link)) { System.IO.File.Delete(link); }
        System.IO.File.CreateSymbolicLink(link, $"runs/{id}");
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
    {
        Warning($"artifacts/latest was not updated ({ex.Message}); the run is {folder}.");
    }
}

Dictionary<string, string> SuiteEnvironment(string outputRoot, string? failpoint, string? fixture) => new()
{
    ["SOCRATES_PROFILE"] = profile,
    ["SOCRATES_ARTIFACTS"] = outputRoot,
    ["SOCRATES_FAILPOINTS"] = string.Join(',', new[] { forcedFailpoints, failpoint ?? string.Empty }.Where(f => f.Length > 0)),
    ["SOCRATES_CANARY_FIXTURE"] = fixture ?? string.Empty,
    ["SOCRATES_FAILPOINT_REACH"] = string.Empty,
    ["SOCRATES_V1_DATABASE"] = v1Database ?? string.Empty,
};

// One clean suite of this run: one `dotnet test` over the solution, filtered by category.
SuiteRun RunSuite(string suite, bool collectCoverage)
{
    var outputRoot = Run();
    // The engine reads test-results/<suite>.<part>.trx: one file per test project, counted together.
    var results = $"{outputRoot}/test-results";
    EnsureDirectoryExists(results);
    var watch = Stopwatch.StartNew();
    var environment = SuiteEnvironment(outputRoot, failpoint: null, fixture: null);
    if (reachRecordingSuites.Contains(suite)) { environment["SOCRATES_FAILPOINT_REACH"] = $"{outputRoot}/reach/{suite}"; }

    // The test projects run in parallel and each writes <suite>_<tfm>_<time>.trx, renamed below.
    var args = new ProcessArgumentBuilder()
        .Append("test").AppendQuoted(solution)
        .Append("--configuration").Append(configuration)
        .Append("--no-build")
        .Append("--filter").AppendQuoted(suites[suite])
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

    var log = $"{outputRoot}/logs/{suite}.log";
    var exitCode = StartLogged(new ProcessSettings { Arguments = args, EnvironmentVariables = environment }, log);
    var part = 0;
    foreach (var trx in GetFiles($"{results}/{suite}_*.trx").OrderBy(f => f.FullPath))
    {
        MoveFile(trx, $"{results}/{suite}.{++part}.trx");
    }

    var run = new SuiteRun(suite, exitCode, watch.Elapsed.TotalSeconds, exitCode == 0 ? "passed" : "failed", null, RunRelative(log));
    suiteRuns.Add(run);
    Information($"Suite {suite}: {run.Status} in {run.DurationSeconds:F1}s ({Elapsed()} so far; output in {run.Log})");
    return run;
}

// A canary's tests of one assembly: the planner's filter (the tests that feed its gates), or the
// suite's own category when a metric was written outside any test.
int RunCanaryTests(string suite, string canaryRoot, string? failpoint, string? fixture, string assembly, string? filter, int part)
{
    var dll = GetFiles($"{root}/tests/*/bin/{configuration}/net10.0/{assembly}").FirstOrDefault();
    if (dll is null)
    {
        Warning($"Canary: test assembly {assembly} is not built under tests/*/bin/{configuration}; its tests were not rerun.");
        return 1;
    }

    var results = $"{canaryRoot}/test-results";
    EnsureDirectoryExists(results);
    return StartLogged(new ProcessSettings
    {
        Arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(dll.FullPath)
            .Append("--filter").AppendQuoted(filter ?? suites[suite])
            .Append("--logger").AppendQuoted($"trx;LogFileName={suite}.{part}.trx")
            .Append("--logger").AppendQuoted("console;verbosity=quiet")
            .Append("--results-directory").AppendQuoted(results),
        EnvironmentVariables = SuiteEnvironment(canaryRoot, failpoint, fixture),
    }, $"{canaryRoot}/logs/{suite}.{part}.log");
}

// BenchmarkDotNet alone (every benchmark class, the profile's job); results under {outputRoot}/benchmarks/results.
int RunBenchmarkDotNet(Dictionary<string, string> environment, string outputRoot, IReadOnlyList<string>? metrics = null) => StartLogged(new ProcessSettings
{
    Arguments = WithMetrics(new ProcessArgumentBuilder()
        .Append("run").Append("--project").AppendQuoted($"{root}/benchmarks/Socrates.Benchmarks/Socrates.Benchmarks.csproj")
        .Append("--configuration").Append("Release").Append("--no-build").Append("--")
        .Append("--profile").Append(profile)
        .Append("--artifacts").AppendQuoted($"{outputRoot}/benchmarks"), metrics),
    EnvironmentVariables = environment,
}, BenchmarkLog(outputRoot));

// BenchmarkDotNet's and the paired harness's own output (thousands of lines): a log beside the results.
string BenchmarkLog(string outputRoot) => $"{outputRoot}/logs/benchmarks.log";

// --metric m for each metric: only what feeds those metrics is run and compared (docs/benchmarks.md).
ProcessArgumentBuilder WithMetrics(ProcessArgumentBuilder args, IReadOnlyList<string>? metrics)
{
    foreach (var metric in metrics ?? []) { args.Append("--metric").AppendQuoted(metric); }
    return args;
}

// BenchmarkDotNet (before against after), then bench-compare turns the per-iteration samples
// into metric files with a statistical test (see docs/benchmarks.md). A canary passes its gates'
// metrics: only the benchmarks and pairs that feed them run.
SuiteRun RunBenchmarks(string? failpoint = null, string? canaryRoot = null, IReadOnlyList<string>? metrics = null)
{
    var watch = Stopwatch.StartNew();
    var outputRoot = canaryRoot ?? Run();
    var environment = SuiteEnvironment(outputRoot, failpoint, fixture: null);
    var project = $"{root}/benchmarks/Socrates.Benchmarks/Socrates.Benchmarks.csproj";
    int exitCode;
    if (metrics is { Count: > 0 })
    {
        // One call: the program runs only the BenchmarkDotNet cases and pairs those metrics read.
        exitCode = RunBenchmarkDotNet(environment, outputRoot, metrics);
    }
    else
    {
        exitCode = RunBenchmarkDotNet(environment, outputRoot);
        // The paired suite after BenchmarkDotNet: the harness runs each pair in a process of its
        // own under pinned JIT settings (Paired/PairedProcesses.cs: in a shared process, or with
        // the runtime's default tiering, the point load was bimodal from process to process).
        var pairedRun = StartLogged(new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .Append("run").Append("--project").AppendQuoted(project)
                .Append("--configuration").Append("Release").Append("--no-build").Append("--")
                .Append("--profile").Append(profile)
                .Append("--artifacts").AppendQuoted($"{outputRoot}/benchmarks")
                .Append("--paired-only"),
            EnvironmentVariables = environment,
        }, BenchmarkLog(outputRoot));
        exitCode = Math.Max(exitCode, pairedRun);
    }
    var compare = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = WithMetrics(new ProcessArgumentBuilder()
            .AppendQuoted(benchmarkAnalysis).Append("bench-compare")
            .Append("--comparisons").AppendQuoted($"{root}/benchmarks/comparisons.json")
            .Append("--artifacts").AppendQuoted(outputRoot)
            .Append("--results").AppendQuoted($"{outputRoot}/benchmarks/results")
            .Append("--baseline").AppendQuoted($"{root}/fixtures/baselines/{profile}.json")
            .Append("--profile").Append(profile), metrics),
        EnvironmentVariables = environment,
    });
    // The paired, interleaved comparisons (docs/benchmarks.md): a signed-rank test turns their
    // rounds into metrics. A profile without stored paired runs (quick, full) gets no regression
    // metrics; its gates need none (the paired regression gates judge the ci profile).
    var pairedBaseline = $"{root}/fixtures/baselines/paired-{profile}.json";
    var pairedArguments = WithMetrics(new ProcessArgumentBuilder()
        .AppendQuoted(benchmarkAnalysis).Append("paired-compare")
        .Append("--artifacts").AppendQuoted(outputRoot)
        .Append("--profile").Append(profile), metrics);
    if (FileExists(pairedBaseline)) { pairedArguments.Append("--baseline").AppendQuoted(pairedBaseline); }
    var paired = StartProcess("dotnet", new ProcessSettings { Arguments = pairedArguments, EnvironmentVariables = environment });
    exitCode = Math.Max(exitCode, Math.Max(compare, paired));
    var run = new SuiteRun("benchmarks", exitCode, watch.Elapsed.TotalSeconds, exitCode == 0 ? "passed" : "failed", failpoint, RunRelative(BenchmarkLog(outputRoot)));
    if (canaryRoot is null) { suiteRuns.Add(run); }
    Information($"Suite benchmarks{(canaryRoot is null ? "" : " (canary)")}: {run.Status} in {run.DurationSeconds:F1}s ({Elapsed()} so far; output in {run.Log})");
    return run;
}

SuiteRun MergeCoverage()
{
    var watch = Stopwatch.StartNew();
    var reports = GetFiles($"{Run()}/test-results/**/coverage.cobertura.xml");
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
            .Append($"-targetdir:{Run()}/coverage")
            .Append("-reporttypes:Html;JsonSummary;Cobertura")
            .Append("-assemblyfilters:+Socrates.Core;+Socrates.Gates;+Socrates.Testing;+Socrates.BenchmarkAnalysis;+Socrates.Evidence"),
    });
    var run = new SuiteRun("coverage", exitCode, watch.Elapsed.TotalSeconds, exitCode == 0 ? "passed" : "failed", null);
    suiteRuns.Add(run);
    return run;
}

// The canary phase: plan-canaries reads this run's clean evidence and names, per defect, only
// the tests (or benchmark metrics) that feed the gates it proves. Each run goes into
// <run>/canaries/<first gate>/ and is copied to its other gates' folders; the engine then
// checks each gate went red there. A gate the planner cannot target gets canary-problem.txt,
// which the report shows as "not run" with the reason.
void RunCanaries()
{
    var watch = Stopwatch.StartNew();
    var plan = RunEngineCapture("plan-canaries", "--gates", gatesFile, "--profile", profile, "--artifacts", Run());
    using var document = JsonDocument.Parse(plan);
    var runs = document.RootElement.EnumerateArray()
        .Where(r => canaryGates.Count == 0 || r.GetProperty("gates").EnumerateArray().Any(g => canaryGates.Contains(g.GetString()!)))
        .ToList();
    var number = 0;
    foreach (var canary in runs)
    {
        number++;
        var gates = canary.GetProperty("gates").EnumerateArray().Select(g => g.GetString()!).ToList();
        var suite = canary.GetProperty("suite").GetString()!;
        var failpoint = canary.TryGetProperty("failpoint", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var fixture = canary.TryGetProperty("fixture", out var x) && x.ValueKind == JsonValueKind.String ? $"{root}/{x.GetString()}" : null;
        var canaryRoot = $"{Run()}/canaries/{gates[0]}";
        EnsureDirectoryExists(canaryRoot);
        var runWatch = Stopwatch.StartNew();
        var what = failpoint is not null ? $"failpoint {failpoint}" : $"fixture {x.GetString()}";
        if (suite == "coverage")
        {
            // The coverage gates read ReportGenerator's summary: their canary is a known-bad one.
            EnsureDirectoryExists($"{canaryRoot}/coverage");
            CopyFile(fixture!, $"{canaryRoot}/coverage/Summary.json");
        }
        else if (suite == "benchmarks")
        {
            var metrics = canary.GetProperty("benchmarkMetrics").EnumerateArray().Select(m => m.GetString()!).ToList();
            Information($"Canary {number}/{runs.Count} ({string.Join(", ", gates)}): {what}, benchmark metrics {string.Join(", ", metrics)}");
            RunBenchmarks(failpoint, canaryRoot, metrics);
        }
        else
        {
            var part = 0;
            foreach (var target in canary.GetProperty("tests").EnumerateArray())
            {
                var assembly = target.GetProperty("assembly").GetString()!;
                var filter = target.GetProperty("filter").ValueKind == JsonValueKind.String ? target.GetProperty("filter").GetString() : null;
                var count = target.GetProperty("count").GetInt32();
                Information($"Canary {number}/{runs.Count} ({string.Join(", ", gates)}): {what}, {(filter is null ? $"every {suite} test" : $"{count} test(s)")} of {assembly}");
                RunCanaryTests(suite, canaryRoot, failpoint, fixture, assembly, filter, ++part);
            }
        }

        foreach (var problem in canary.GetProperty("problems").EnumerateObject())
        {
            Warning($"Canary for gate {problem.Name} cannot be targeted: {problem.Value.GetString()}");
            var problemRoot = $"{Run()}/canaries/{problem.Name}";
            EnsureDirectoryExists(problemRoot);
            System.IO.File.WriteAllText($"{problemRoot}/canary-problem.txt", problem.Value.GetString());
        }

        foreach (var gate in gates.Skip(1).Where(g => !canary.GetProperty("problems").TryGetProperty(g, out _)))
        {
            CopyDirectory(canaryRoot, $"{Run()}/canaries/{gate}");
        }
        Information($"Canary {number}/{runs.Count} done in {runWatch.Elapsed.TotalSeconds:F0}s ({watch.Elapsed.TotalMinutes:F1} min in the canary phase)");
    }

    suiteRuns.Add(new SuiteRun("canaries", 0, watch.Elapsed.TotalSeconds, "passed", null));
}

// Runs `dotnet` with its whole output in <log> and, on the console, only the lines a reader needs
// while waiting: test totals, failures, errors, and a line a minute saying it is still running
// (a CI that sees no output for long may take the job for hung). The log is linked from the
// report's Suites table.
int StartLogged(ProcessSettings settings, string log)
{
    EnsureDirectoryExists(System.IO.Path.GetDirectoryName(log)!);
    using var writer = new System.IO.StreamWriter(log, append: true) { AutoFlush = true };
    var sync = new object();
    var started = Stopwatch.StartNew();
    using var heartbeat = new System.Threading.Timer(
        _ => Information($"    ... still running, {started.Elapsed.TotalMinutes:F0} min ({Elapsed()} in all); output in {RunRelative(log)}"),
        null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    string? Keep(string? line)
    {
        if (line is null) { return null; }
        lock (sync) { writer.WriteLine(line); }
        if (IsHeadline(line)) { Information("    " + line.Trim()); }
        return null;
    }
    settings.RedirectStandardOutput = true;
    settings.RedirectStandardError = true;
    settings.RedirectedStandardOutputHandler = Keep;
    settings.RedirectedStandardErrorHandler = Keep;
    return StartProcess("dotnet", settings);
}

bool IsHeadline(string line) =>
    line.Contains("Passed!", StringComparison.Ordinal) || line.Contains("Failed!", StringComparison.Ordinal)
    || line.Contains("[FAIL]", StringComparison.Ordinal) || line.Contains(" error ", StringComparison.Ordinal)
    || line.StartsWith("Unhandled exception", StringComparison.Ordinal);

// A path under the run folder as the report links it (relative to the run folder).
string RunRelative(string path) => System.IO.Path.GetRelativePath(Run(), path).Replace('\\', '/');

// Time since the pipeline started, for the console's phase lines.
string Elapsed() => $"{pipelineWatch.Elapsed.TotalMinutes:F1} min";

// The run history (one JSON line per Gates run, per profile) each gate's trend is drawn from;
// keep artifacts/history/ in the CI cache to keep the trend across runs.
string HistoryFile() => $"{root}/artifacts/history/{profile}.jsonl";

int Evaluate(string? previousReport, bool recordHistory, string? gates = null, bool? canariesExpected = null)
{
    if (!FileExists(gateEngine))
    {
        DotNetBuild($"{root}/src/Socrates.Gates/Socrates.Gates.csproj", new DotNetBuildSettings { Configuration = configuration });
    }

    var args = new ProcessArgumentBuilder()
        .AppendQuoted(gateEngine).Append("evaluate")
        .Append("--gates").AppendQuoted(gates ?? gatesFile)
        .Append("--artifacts").AppendQuoted(Run())
        .Append("--profile").Append(profile)
        .Append("--out").AppendQuoted($"{Run()}/gates")
        .Append("--commit").Append(GitCommit(full: true));
    if (previousReport is not null) { args.Append("--previous").AppendQuoted(previousReport); }
    args.Append("--history").AppendQuoted(HistoryFile());
    if (recordHistory) { args.Append("--record-history"); }
    if (canariesExpected ?? (runCanaries && canaryGates.Count == 0)) { args.Append("--run-canaries-expected"); }
    return StartProcess("dotnet", new ProcessSettings { Arguments = args });
}

string RunEngineCapture(params string[] arguments)
{
    var args = new ProcessArgumentBuilder().AppendQuoted(gateEngine);
    foreach (var argument in arguments) { args.AppendQuoted(argument); }
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = args, RedirectStandardOutput = true }, out var output);
    if (exitCode != 0) { throw new CakeException(exitCode, $"Gate engine failed: {string.Join(' ', arguments)}"); }
    return string.Join('\n', output);
}

string GitCommit(bool full)
{
    try
    {
        var exitCode = StartProcess("git", new ProcessSettings { Arguments = full ? "rev-parse HEAD" : "rev-parse --short HEAD", RedirectStandardOutput = true }, out var output);
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
        suiteRuns.Select(r => new { suite = r.Suite, exitCode = r.ExitCode, durationSeconds = Math.Round(r.DurationSeconds, 1), status = r.Status, log = r.Log }),
        new JsonSerializerOptions { WriteIndented = true });
    System.IO.File.WriteAllText($"{Run()}/suites.json", json);
}

// The end of a single-suite target: its run becomes the latest, so `--target=Report` reads it.
void RequireGreen(params SuiteRun[] runs)
{
    WriteSuiteRuns();
    PointLatestAt(Run());
    var failed = runs.Where(r => r.ExitCode != 0).Select(r => r.Suite).ToList();
    if (failed.Count > 0) { throw new CakeException(1, $"Suite(s) failed: {string.Join(", ", failed)}"); }
}

// The Markdown report of this invocation's run, as the user can open it from the repository root.
string ReportOfThisRun() => System.IO.Path.GetRelativePath(root, $"{Run()}/gates/gate-report.md");

void EndWith(int exitCode)
{
    if (exitCode == 0) { return; }
    Error(ExitMessage(exitCode));
    verdictExitCode = exitCode;
}

string ExitMessage(int exitCode) => exitCode switch
{
    1 => $"NO-GO: see {ReportOfThisRun()}",
    2 => "gates.json is invalid or the gate engine was called wrongly (message above)",
    3 => $"INCONCLUSIVE: a gate could not be measured cleanly on this machine; see {ReportOfThisRun()}",
    _ => $"the gate engine ended with code {exitCode}",
};

record SuiteRun(string Suite, int ExitCode, double DurationSeconds, string Status, string? Failpoint, string? Log = null);

record SelectedGate(string Id, string Suite, string Metric, List<string> Profiles);
