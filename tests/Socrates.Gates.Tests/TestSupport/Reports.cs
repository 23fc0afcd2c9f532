using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Reporting;

namespace Socrates.Gates.Tests.TestSupport;

/// <summary>Builds report models from hand-made runs, without touching the disk.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 13, 0, 0, TimeSpan.Zero);

    /// <summary>The first stack frame and the replay line of the mixed report's failed test.</summary>
    public const string MixedFailedFrame = "at Ns.Cls.Save_Concurrent_NoLostUpdate() in /src/Cls.cs:line 42";
    public const string MixedReplay = "SOCRATES_PBT_REPLAY=17,3 dotnet test --filter \"FullyQualifiedName~Save_Concurrent_NoLostUpdate\"";

    public static string ArtifactsRoot { get; } = Path.Combine(Path.GetTempPath(), "gates-report-tests", "artifacts");

    /// <summary>
    /// A run with one gate of each kind: pass with a verified canary, warn, fail, missing,
    /// skipped, a passing gate whose canary is insensitive, and one with hostile text in it.
    /// </summary>
    public static GateReport Mixed(string profile = "full", GateReport? previous = null)
    {
        var config = TestGates.Config(
            [
                TestGates.Make(id: "pass-gate", metric: "m.pass", direction: Direction.Min, fail: 0.9, canary: TestGates.Failpoint("fp.pass")),
                TestGates.Make(id: "warn-gate", metric: "m.warn", direction: Direction.Max, fail: 10, warn: 5),
                TestGates.Make(id: "fail-gate", metric: "m.fail", direction: Direction.Min, fail: 0.9, risks: ["R2"]),
                TestGates.Make(id: "missing-gate", metric: "m.missing", risks: ["R2"]),
                TestGates.Make(id: "skipped-gate", metric: "m.pass", profiles: ["quick"]),
                TestGates.Make(id: "blind-gate", metric: "m.pass", canary: new CanaryDefinition(null, "fixtures/bad.json")),
                new GateDefinition("html-gate", "<script>alert('x')</script> & | pipes", ["R1"], "m.pass", Direction.Min, 0.5, null, "ratio", ["quick", "ci", "full"], "unit", null, "desc with <b>tags</b>"),
            ],
            "R1", "R2", "R3");
        var metrics = new MetricSet([
            new MetricSample("m.pass", 0.95, "ratio", "evidence/unit/pass.json", "unit", profile, [], Now, "metrics/m.pass.json"),
            TestGates.Sample("m.warn", 7, origin: "metrics/m.warn.json"),
            TestGates.Sample("m.fail", 0.5, origin: "metrics/m.fail.json"),
        ]);
        var canaries = new Dictionary<string, CanaryRun>
        {
            ["pass-gate"] = TestGates.Canary(("m.pass", 0.1)),
            ["blind-gate"] = TestGates.Canary(("m.pass", 0.99)),
        };
        var evaluation = RunEvaluator.Evaluate(config, metrics, profile, g => canaries.GetValueOrDefault(g.Id), canariesExpected: false);
        var snapshot = new ArtifactSnapshot(
            ArtifactsRoot,
            metrics,
            [new TestSuiteCounts("unit", 10, 9, 1, 0, "test-results/unit.trx") { FailedTests = [new FailedTest("Ns.Cls.Save_Concurrent_NoLostUpdate", "Failed", "Assert.Equal() Failure: <lost> | 2") { StackFrames = [MixedFailedFrame], Replay = MixedReplay }] }, new TestSuiteCounts("broken", 0, 0, 1, 0, "test-results/broken.trx", "Root element is missing.")],
            new CoverageSummary(81.25, 70, null, "coverage/Summary.json", "coverage/index.html"),
            [new SuiteRun("unit", 0, 12.5, "passed", "logs/unit.log"), new SuiteRun("stress", 2, 40, "failed", null)],
            [new InputProblem("metrics/x.json", "malformed <JSON>")]);
        return ReportBuilder.Build(
            evaluation,
            snapshot,
            Context(profile),
            previous is null ? null : new ReportPrevious("gate-report.json", previous.Verdict, previous.Commit, previous.GeneratedAt),
            previous,
            []);
    }

    /// <summary>A run in which every gate passes with a verified canary.</summary>
    public static GateReport AllGreen(string profile = "full")
    {
        var config = TestGates.Config([TestGates.Make(id: "a", metric: "m", fail: 0.9, canary: TestGates.Failpoint())]);
        var evaluation = RunEvaluator.Evaluate(config, TestGates.Metrics(("m", 1)), profile, _ => TestGates.Canary(("m", 0)), canariesExpected: true);
        var snapshot = new ArtifactSnapshot(ArtifactsRoot, TestGates.Metrics(("m", 1)), [], null, [], []);
        return ReportBuilder.Build(evaluation, snapshot, Context(profile), null, null, []);
    }

    /// <summary>A run in which the only gate warns.</summary>
    public static GateReport WarnOnly()
    {
        var config = TestGates.Config([TestGates.Make(id: "w", metric: "m", direction: Direction.Min, fail: 0.5, warn: 0.9)]);
        var evaluation = RunEvaluator.Evaluate(config, TestGates.Metrics(("m", 0.7)), "ci", _ => null, canariesExpected: false);
        var snapshot = new ArtifactSnapshot(ArtifactsRoot, TestGates.Metrics(("m", 0.7)), [], null, [], []);
        return ReportBuilder.Build(evaluation, snapshot, Context("ci"), null, null, []);
    }

    public static ReportContext Context(string profile) =>
        new(profile, "0123abc", Now, new MachineInfo("build-box", "TestOS 1.0", 4), Path.Combine(ArtifactsRoot, "gates"), "gates.json", false);
}
