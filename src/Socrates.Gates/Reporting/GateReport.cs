using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>
/// The report of one run, as <c>gate-report.json</c> holds it; the HTML, Markdown and JUnit
/// files are renderings of this model. Links in it are relative to the report's folder; the
/// paths of <see cref="Evidence"/> are relative to the artifacts root (<see cref="ArtifactsRoot"/>,
/// itself relative to the report's folder).
/// </summary>
internal sealed record GateReport(
    int SchemaVersion,
    string Verdict,
    IReadOnlyList<string> VerdictReasons,
    string Profile,
    string Commit,
    DateTimeOffset GeneratedAt,
    MachineInfo Machine,
    string GatesFile,
    bool CanariesExpected,
    ReportSummary Summary,
    IReadOnlyList<ReportGate> Gates,
    IReadOnlyList<ReportRisk> Risks,
    IReadOnlyList<ReportTestSuite> Tests,
    ReportCoverage? Coverage,
    IReadOnlyList<ReportSuiteRun> Suites,
    ReportPrevious? Previous,
    IReadOnlyList<ReportChange> Changes,
    IReadOnlyList<ReportSignOffItem> SignOff,
    IReadOnlyList<ReportProblem> Problems)
{
    public const int CurrentSchemaVersion = 2;

    /// <summary>Fragments contributed by the suites (see <see cref="ReportSection"/>).</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    /// <summary>
    /// What keeps the run from GO, one line per cause: a red gate and the tests-pass red its
    /// failed test caused are one problem. Also the inconclusive gates and the warnings.
    /// </summary>
    public IReadOnlyList<ReportCause> Causes { get; init; } = [];

    /// <summary>The user's own V1 databases some suites ran on instead of generated data (a rehearsal); empty otherwise.</summary>
    public IReadOnlyList<ReportRehearsal> RehearsedOn { get; init; } = [];

    /// <summary>The artifacts root the report was decided on, relative to the report's folder.</summary>
    public string ArtifactsRoot { get; init; } = "..";

    /// <summary>Every file the report read, with its size and SHA-256 (<c>verify-evidence</c> re-checks them).</summary>
    public IReadOnlyList<EvidenceFile> Evidence { get; init; } = [];
}

/// <summary>
/// One cause in the banner. <see cref="Kind"/>: <c>red</c> (a red gate, or failed tests tied to
/// no red gate), <c>canary</c> (an insensitive canary, or one expected but not run),
/// <c>inconclusive</c> or <c>warn</c>. <see cref="Gate"/> names the row it links to (null for a
/// run-wide cause); <see cref="AlsoRed"/> the test-result gates it turned red;
/// <see cref="Tests"/> the failed tests it explains.
/// </summary>
internal sealed record ReportCause(string Kind, string? Gate, string Text, IReadOnlyList<string> AlsoRed, IReadOnlyList<string> Tests)
{
    public const string Red = "red";
    public const string Canary = "canary";
    public const string Inconclusive = "inconclusive";
    public const string Warn = "warn";

    /// <summary>Whether the cause is a problem that makes the run NO-GO.</summary>
    public bool IsProblem => Kind is Red or Canary;
}

/// <summary>How many gates came out each way.</summary>
internal sealed record ReportSummary(int Pass, int Warn, int Fail, int Missing, int Skipped, int CanariesVerified, int CanariesInsensitive, int CanariesNotRun, int GatesWithoutCanary)
{
    public int Inconclusive { get; init; }

    public int CanariesInconclusive { get; init; }

    /// <summary>Gates that apply to this profile (not skipped).</summary>
    public int Applicable { get; init; }

    /// <summary>Applicable gates whose canary was verified in this run: shown able to go red.</summary>
    public int ProvenSensitive { get; init; }

    /// <summary>The banner's line: <c>N of M gates proven sensitive in this run</c>.</summary>
    public string Sensitivity => $"{ProvenSensitive} of {Applicable} gates proven sensitive in this run";
}

/// <summary>One gate in the report. <see cref="Evidence"/> is a link relative to the report.</summary>
internal sealed record ReportGate(
    string Id,
    string Title,
    string? Description,
    GateStatus Status,
    string Metric,
    double? Value,
    string Unit,
    double Fail,
    double? Warn,
    Direction Direction,
    IReadOnlyList<string> Risks,
    string Suite,
    string? Evidence,
    string Reason,
    string? Note,
    ReportCanary Canary)
{
    /// <summary>The test that wrote the gate's figure (<c>Namespace.Class.Method</c>), when the metric file names it.</summary>
    public string? Test { get; init; }

    /// <summary>True when the figure was measured on the user's own V1 database (see <see cref="GateReport.RehearsedOn"/>), false for generated data.</summary>
    public bool RealData { get; init; }

    /// <summary>What red means for the release and its likely causes (gates.json); null when the file gives none.</summary>
    public Config.Runbook? Runbook { get; init; }

    /// <summary>The gate's figures over its last runs of this profile, this run last; null without history.</summary>
    public History.GateTrend? Trend { get; init; }

    /// <summary>The command that reruns, alone, what wrote this gate's figure (from the gates file's templates).</summary>
    public string? Reproduce { get; init; }

    /// <summary>The same command with the gate's canary on: shows the gate going red.</summary>
    public string? ReproduceCanary { get; init; }

    /// <summary>Failed tests that wrote this gate's figure: the failure is this gate's, not a separate problem.</summary>
    public IReadOnlyList<string> FailedTests { get; init; } = [];

    /// <summary>The test-result gates (e.g. tests-pass) red because of <see cref="FailedTests"/>.</summary>
    public IReadOnlyList<string> AlsoRed { get; init; } = [];

    /// <summary>The HTML anchor of the gate's row.</summary>
    public static string Anchor(string id) => "gate-" + id;
}

/// <summary>A gate's canary: what it injects and whether the gate went red under it.</summary>
internal sealed record ReportCanary(string? Failpoint, string? Fixture, CanaryStatus Status, GateStatus? GateStatusUnderCanary, double? ValueUnderCanary, string Reason);

/// <summary>A risk of the register after the run.</summary>
internal sealed record ReportRisk(string Id, string Title, RiskSeverity Severity, RiskStatus Status, IReadOnlyList<string> Gates, bool HasWarnings)
{
    /// <summary>What this risk at risk means for the release and where to look first; null when the file gives none.</summary>
    public Runbook? Runbook { get; init; }
}

/// <summary>Test counts of one suite (one TRX file); <see cref="Error"/> set when it was unreadable.</summary>
internal sealed record ReportTestSuite(string Suite, int Total, int Passed, int Failed, int Skipped, string Source, string? Error)
{
    /// <summary>The failed tests by name (capped per result file), so a red run says what broke.</summary>
    public IReadOnlyList<ReportFailedTest> FailedTests { get; init; } = [];
}

/// <summary>
/// One failed test: its name, outcome, the first line of its message, the first frames of its
/// stack and, for a property, the command that replays its cases.
/// </summary>
internal sealed record ReportFailedTest(string Name, string Outcome, string? Message)
{
    public IReadOnlyList<string> StackFrames { get; init; } = [];

    public string? Replay { get; init; }

    /// <summary>The gates whose figure this test wrote (from the metric files' <c>test</c> field).</summary>
    public IReadOnlyList<string> Gates { get; init; } = [];
}

/// <summary>Coverage in percent; <see cref="Html"/> links the full coverage report, relative to this report.</summary>
internal sealed record ReportCoverage(double? Line, double? Branch, double? Method, string Summary, string? Html);

/// <summary>A suite as the pipeline ran it; <see cref="Log"/> relative to the report.</summary>
internal sealed record ReportSuiteRun(string Suite, int? ExitCode, double? DurationSeconds, string Status, string? Log);

/// <summary>Which report the changes are measured against.</summary>
internal sealed record ReportPrevious(string Source, string? Verdict, string? Commit, DateTimeOffset? GeneratedAt);

/// <summary>
/// One gate against the previous report. <see cref="Change"/>: new, removed, status (the status
/// changed), value (only the figure changed) or unchanged.
/// </summary>
internal sealed record ReportChange(string Gate, GateStatus? PreviousStatus, double? PreviousValue, GateStatus? CurrentStatus, double? CurrentValue, string Change);

/// <summary>A line of the sign-off checklist; <see cref="Done"/> is null for the lines a person fills in.</summary>
internal sealed record ReportSignOffItem(string Item, bool? Done, string? Detail);

/// <summary>A non-fatal input problem (unreadable file, duplicate metric, ...).</summary>
internal sealed record ReportProblem(string Source, string Message);
