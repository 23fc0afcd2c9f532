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
        _ => status.ToString(),
    };

    public static string Of(RiskStatus status) => status switch
    {
        RiskStatus.Verified => "verified",
        RiskStatus.AtRisk => "at_risk",
        RiskStatus.Untested => "untested",
        _ => status.ToString(),
    };

    public static string Of(RiskSeverity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(Direction direction) => direction == Direction.Max ? "max" : "min";

    public static string Canary(ReportCanary canary) =>
        canary.Failpoint is not null ? $"failpoint {canary.Failpoint}"
        : canary.Fixture is not null ? $"fixture {canary.Fixture}"
        : "no canary";

    public static string Value(ReportGate gate) =>
        gate.Value is null ? "(not measured)" : $"{NumberFormat.Of(gate.Value)} {gate.Unit}".TrimEnd();
}
