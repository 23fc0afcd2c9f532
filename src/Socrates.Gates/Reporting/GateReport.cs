using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>
/// The report of one run, as <c>gate-report.json</c> holds it; the HTML, Markdown and JUnit
/// files are renderings of this model. Paths in it are relative to the report's folder.
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
    public const int CurrentSchemaVersion = 1;

    /// <summary>Fragments contributed by the suites (see <see cref="ReportSection"/>).</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];
}

/// <summary>How many gates came out each way.</summary>
internal sealed record ReportSummary(int Pass, int Warn, int Fail, int Missing, int Skipped, int CanariesVerified, int CanariesInsensitive, int CanariesNotRun, int GatesWithoutCanary);

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
    ReportCanary Canary);

/// <summary>A gate's canary: what it injects and whether the gate went red under it.</summary>
internal sealed record ReportCanary(string? Failpoint, string? Fixture, CanaryStatus Status, GateStatus? GateStatusUnderCanary, double? ValueUnderCanary, string Reason);

/// <summary>A risk of the register after the run.</summary>
internal sealed record ReportRisk(string Id, string Title, RiskSeverity Severity, RiskStatus Status, IReadOnlyList<string> Gates, bool HasWarnings);

/// <summary>Test counts of one suite (one TRX file); <see cref="Error"/> set when it was unreadable.</summary>
internal sealed record ReportTestSuite(string Suite, int Total, int Passed, int Failed, int Skipped, string Source, string? Error)
{
    /// <summary>The failed tests by name (capped per result file), so a red run says what broke.</summary>
    public IReadOnlyList<ReportFailedTest> FailedTests { get; init; } = [];
}

/// <summary>One failed test: its name, outcome and the first line of its message.</summary>
internal sealed record ReportFailedTest(string Name, string Outcome, string? Message);

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
