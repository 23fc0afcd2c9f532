using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>
/// The order a reader acts in: red gates (fail, missing), then gates whose canary left them green
/// (insensitive, or not run where the run expected canaries), then inconclusive, then warnings, then passes, then skipped; file order within
/// each rank.
/// </summary>
internal static class GateOrder
{
    public static IReadOnlyList<ReportGate> WorstFirst(GateReport report) =>
        [.. report.Gates.Select((gate, index) => (gate, index)).OrderBy(x => Rank(x.gate, report.CanariesExpected)).ThenBy(x => x.index).Select(x => x.gate)];

    /// <summary>The gates that keep the run from GO or that it warns about, worst first.</summary>
    public static IReadOnlyList<ReportGate> Attention(GateReport report) =>
        [.. WorstFirst(report).Where(g => Rank(g, report.CanariesExpected) <= WarnRank)];

    private const int WarnRank = 3;

    private static int Rank(ReportGate gate, bool canariesExpected) => gate switch
    {
        { Status: GateStatus.Fail or GateStatus.Missing } => 0,
        { Canary.Status: CanaryStatus.Insensitive } => 1,
        { Canary.Status: CanaryStatus.NotRun, Status: not GateStatus.Skipped } when canariesExpected => 1,
        { Status: GateStatus.Inconclusive } or { Canary.Status: CanaryStatus.Inconclusive } => 2,
        { Status: GateStatus.Warn } => WarnRank,
        { Status: GateStatus.Pass } => 4,
        _ => 5,
    };
}
