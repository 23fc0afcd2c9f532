using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>How statuses read in the human reports.</summary>
internal static class ReportWords
{
    public static string Of(GateStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(CanaryStatus status) => status switch
    {
        CanaryStatus.Verified => "verified",
        CanaryStatus.NotRun => "not_run",
        CanaryStatus.Insensitive => "insensitive",
        CanaryStatus.None => "no canary",
        CanaryStatus.Inconclusive => "inconclusive",
        _ => status.ToString(),
    };

    public static string Of(RiskStatus status) => status switch
    {
        RiskStatus.Verified => "verified",
        RiskStatus.AtRisk => "at_risk",
        RiskStatus.Untested => "untested",
        RiskStatus.PassingUnproven => "passing, unproven",
        RiskStatus.Inconclusive => "inconclusive",
        _ => status.ToString(),
    };

    /// <summary>A risk status as a CSS class / identifier (<c>passing_unproven</c>, as in the JSON).</summary>
    public static string Key(RiskStatus status) => status switch
    {
        RiskStatus.AtRisk => "at_risk",
        RiskStatus.PassingUnproven => "passing_unproven",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The count under the verdict: problems for NO-GO, inconclusive gates, warnings.</summary>
    public static string Headline(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var problems = report.Causes.Count(c => c.IsProblem);
        var inconclusive = report.Causes.Count(c => c.Kind == ReportCause.Inconclusive);
        var warnings = report.Causes.Count(c => c.Kind == ReportCause.Warn);
        var red = report.Gates.Count(g => g.Status is GateStatus.Fail or GateStatus.Missing);
        var parts = new List<string>();
        if (problems > 0)
        {
            parts.Add(Count(problems, "problem") + (red > 0 ? $" ({Count(red, "red gate")})" : ""));
        }

        if (inconclusive > 0)
        {
            parts.Add(Count(inconclusive, "inconclusive gate"));
        }

        if (warnings > 0)
        {
            parts.Add(Count(warnings, "warning"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>An evidence path (relative to the artifacts root) as a link from the report's folder.</summary>
    public static string EvidenceLink(GateReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.ArtifactsRoot is "" or "." ? path : $"{report.ArtifactsRoot.TrimEnd('/')}/{path}";
    }

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    public static string Of(RiskSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(Direction direction) => direction == Direction.Max ? "max" : "min";

    public static string Canary(ReportCanary canary) =>
        canary.Failpoint is not null ? $"failpoint {canary.Failpoint}"
        : canary.Fixture is not null ? $"fixture {canary.Fixture}"
        : "no canary";

    public static string Value(ReportGate gate) =>
        gate.Value is null ? "(not measured)" : $"{NumberFormat.Of(gate.Value)} {gate.Unit}".TrimEnd();
}
