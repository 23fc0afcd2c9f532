using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Reporting;

/// <summary>Assembles the report model from a decided run and what was read; pure, no IO.</summary>
internal static class ReportBuilder
{
    public static GateReport Build(
        RunEvaluation evaluation,
        ArtifactSnapshot snapshot,
        ReportContext context,
        ReportPrevious? previousSource,
        GateReport? previous,
        IReadOnlyList<InputProblem> extraProblems)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(extraProblems);
        string? Link(string? artifactPath) => artifactPath is null ? null : LinkFromReport(snapshot.Root, context.OutputDirectory, artifactPath);
        // A gate is shown as measured on the user's database only when a rehearsal record of this
        // run names the database its figure claims: a generated figure carries no dataset at all.
        var rehearsals = ReportRehearsal.Of(snapshot.Rehearsals, evaluation.Gates.Select(r => (r.Gate.Id, r.Sample)));
        bool RealData(MetricSample? sample) => rehearsals.Any(x => ReportRehearsal.IsFrom(sample, x.Sha256));

        var gates = evaluation.Gates.Select(r => new ReportGate(
            r.Gate.Id,
            r.Gate.Title,
            r.Gate.Description,
            r.Status,
            r.Gate.Metric,
            r.Value,
            r.Gate.Unit,
            r.Gate.Fail,
            r.Gate.Warn,
            r.Gate.Direction,
            r.Gate.Risks,
            r.Gate.Suite,
            Link(r.Sample?.EvidenceOrOrigin),
            r.Reason,
            r.Note,
            new ReportCanary(r.Gate.Canary?.Failpoint, r.Gate.Canary?.Fixture, r.Canary.Status, r.Canary.GateStatusUnderCanary, r.Canary.ValueUnderCanary, r.Canary.Reason))
            {
                Test = r.Sample?.Test,
                RealData = RealData(r.Sample),
                Runbook = r.Gate.Runbook,
                Reproduce = context.Reproduce?.CommandFor(r.Gate, context.Profile, r.Sample?.Test, r.Sample?.Assembly),
                Trend = History.GateTrend.Of(r.Gate.Id, context.Profile, r.Gate.Fail, r.Gate.Direction, r.Value,
                    r.Status is GateStatus.Fail or GateStatus.Missing, context.History),
                ReproduceCanary = context.Reproduce?.CanaryCommandFor(
                    r.Gate, context.Profile, context.Reproduce.CommandFor(r.Gate, context.Profile, r.Sample?.Test, r.Sample?.Assembly)),
            })
            .ToList();

        var risks = evaluation.Risks
            .Select(r => new ReportRisk(r.Risk.Id, r.Risk.Title, r.Risk.Severity, r.Status, r.Gates, r.HasWarnings) { Runbook = r.Risk.Runbook })
            .ToList();
        var allTests = snapshot.TestSuites
            .Select(t => new ReportTestSuite(t.Suite, t.Total, t.Passed, t.Failed, t.Skipped, Link(t.Source)!, t.Error)
            {
                FailedTests = t.FailedTests.Select(f => new ReportFailedTest(f.Name, f.Outcome, f.Message) { StackFrames = f.StackFrames, Replay = f.Replay }).ToList(),
            })
            .ToList();
        var causes = ReportCauses.Analyse(gates, allTests, context.CanariesExpected);
        gates = [.. causes.Gates];
        var tests = causes.Tests;
        var coverage = snapshot.Coverage is { } c
            ? new ReportCoverage(c.Line, c.Branch, c.Method, Link(c.Source)!, Link(c.HtmlReport))
            : null;
        var suites = snapshot.Suites
            .Select(s => new ReportSuiteRun(s.Suite, s.ExitCode, s.DurationSeconds, s.Status, Link(s.Log)))
            .ToList();
        var counted = gates.Where(g => g.Status != GateStatus.Skipped).ToList();
        var summary = new ReportSummary(
            gates.Count(g => g.Status == GateStatus.Pass),
            gates.Count(g => g.Status == GateStatus.Warn),
            gates.Count(g => g.Status == GateStatus.Fail),
            gates.Count(g => g.Status == GateStatus.Missing),
            gates.Count(g => g.Status == GateStatus.Skipped),
            counted.Count(g => g.Canary.Status == CanaryStatus.Verified),
            counted.Count(g => g.Canary.Status == CanaryStatus.Insensitive),
            counted.Count(g => g.Canary.Status == CanaryStatus.NotRun),
            counted.Count(g => g.Canary.Status == CanaryStatus.None))
        {
            Inconclusive = gates.Count(g => g.Status == GateStatus.Inconclusive),
            CanariesInconclusive = counted.Count(g => g.Canary.Status == CanaryStatus.Inconclusive),
            Applicable = counted.Count,
            ProvenSensitive = counted.Count(g => g.Canary.Status == CanaryStatus.Verified),
        };
        var problems = snapshot.Problems.Concat(extraProblems)
            .Select(p => new ReportProblem(p.Source, p.Message))
            .Concat(evaluation.Gates.Where(g => g.Note is not null).Select(g => new ReportProblem($"gate {g.Gate.Id}", g.Note!)))
            .Concat(evaluation.Gates.Where(g => g.Sample?.Dataset is not null && !RealData(g.Sample)).Select(g => new ReportProblem(
                $"gate {g.Gate.Id}",
                $"its figure says it was measured on V1 database sha256 {g.Sample!.Dataset}, but no rehearsal record of this run names that database: shown as generated data")))
            .Concat(rehearsals.Where(x => !x.SourceUnchanged).Select(x => new ReportProblem(
                x.Path,
                $"the V1 database rehearsed on changed during the run (sha256 {x.Sha256} before; {string.Join("; ", x.ChangedBy)})")))
            .ToList();

        return new GateReport(
            GateReport.CurrentSchemaVersion,
            evaluation.Verdict.Text,
            evaluation.Verdict.Reasons,
            context.Profile,
            context.Commit,
            context.GeneratedAt,
            context.Machine,
            context.GatesFile,
            context.CanariesExpected,
            summary,
            gates,
            risks,
            tests,
            coverage,
            suites,
            previousSource,
            ReportComparer.Compare(previous, gates),
            SignOff(context.Profile, counted, risks),
            problems)
        {
            Causes = causes.Causes,
            RehearsedOn = rehearsals,
            ArtifactsRoot = LinkFromReport(snapshot.Root, context.OutputDirectory, snapshot.Root),
        };
    }

    /// <summary>A path under the artifacts root as a link from the report's folder (forward slashes).</summary>
    public static string LinkFromReport(string artifactsRoot, string outputDirectory, string artifactPath)
    {
        var full = Path.IsPathRooted(artifactPath) ? artifactPath : Path.Combine(artifactsRoot, artifactPath);
        return Path.GetRelativePath(Path.GetFullPath(outputDirectory), Path.GetFullPath(full)).Replace('\\', '/');
    }

    private static List<ReportSignOffItem> SignOff(string profile, List<ReportGate> counted, List<ReportRisk> risks)
    {
        var notGreen = counted.Where(g => g.Status != GateStatus.Pass).Select(g => $"{g.Id} {ReportWords.Of(g.Status)}").ToList();
        var canaryGaps = counted.Where(g => g.Canary.Status != CanaryStatus.Verified)
            .Select(g => $"{g.Id} {ReportWords.Of(g.Canary.Status)}").ToList();
        var riskGaps = risks.Where(r => r.Status != RiskStatus.Verified).Select(r => $"{r.Id} {ReportWords.Of(r.Status)}").ToList();
        var canaryDetail = canaryGaps.Count > 0 ? string.Join(", ", canaryGaps) : null;
        if (profile != GateProfiles.Full)
        {
            canaryDetail = $"profile '{profile}': only the full profile runs every canary" + (canaryDetail is null ? "" : "; " + canaryDetail);
        }

        return
        [
            new("All gates green (pass, no warnings)", counted.Count > 0 && notGreen.Count == 0, notGreen.Count > 0 ? string.Join(", ", notGreen) : null),
            new("Every canary verified, in the full profile", profile == GateProfiles.Full && counted.Count > 0 && canaryGaps.Count == 0, canaryDetail),
            new("Every risk verified", riskGaps.Count == 0, riskGaps.Count > 0 ? string.Join(", ", riskGaps) : null),
            new("Reviewer name: ____________________", null, null),
            new("Review date: ____________________", null, null),
        ];
    }
}
