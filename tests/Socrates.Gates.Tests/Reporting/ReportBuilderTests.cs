using Socrates.Gates.Evaluation;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ReportBuilderTests
{
    [Fact]
    public void Build_MixedRun_StatusesCanariesAndSummary()
    {
        var report = Reports.Mixed();

        Assert.Equal(VerdictText.NoGo, report.Verdict);
        var status = report.Gates.ToDictionary(g => g.Id, g => g.Status);
        Assert.Equal(GateStatus.Pass, status["pass-gate"]);
        Assert.Equal(GateStatus.Warn, status["warn-gate"]);
        Assert.Equal(GateStatus.Fail, status["fail-gate"]);
        Assert.Equal(GateStatus.Missing, status["missing-gate"]);
        Assert.Equal(GateStatus.Skipped, status["skipped-gate"]);
        var canary = report.Gates.ToDictionary(g => g.Id, g => g.Canary.Status);
        Assert.Equal(CanaryStatus.Verified, canary["pass-gate"]);
        Assert.Equal(CanaryStatus.Insensitive, canary["blind-gate"]);
        Assert.Equal(CanaryStatus.None, canary["warn-gate"]);
        Assert.Equal(new ReportSummary(3, 1, 1, 1, 1, 1, 1, 0, 4) { Applicable = 6, ProvenSensitive = 1 }, report.Summary);
        Assert.Contains(report.VerdictReasons, r => r.Contains("blind-gate", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Evidence_LinkedRelativeToReportFolder()
    {
        var report = Reports.Mixed();

        Assert.Equal("../evidence/unit/pass.json", report.Gates.Single(g => g.Id == "pass-gate").Evidence);
        Assert.Equal("../metrics/m.warn.json", report.Gates.Single(g => g.Id == "warn-gate").Evidence);
        Assert.Null(report.Gates.Single(g => g.Id == "missing-gate").Evidence);
        Assert.Equal("../coverage/index.html", report.Coverage!.Html);
        Assert.Equal("../logs/unit.log", report.Suites[0].Log);
        Assert.Equal("../test-results/unit.trx", report.Tests[0].Source);
    }

    [Fact]
    public void Build_Risks_StatusPerRegister()
    {
        var report = Reports.Mixed();

        var risks = report.Risks.ToDictionary(r => r.Id);
        Assert.Equal(RiskStatus.AtRisk, risks["R1"].Status); // blind-gate's canary is insensitive
        Assert.True(risks["R1"].HasWarnings);
        Assert.Equal(RiskStatus.AtRisk, risks["R2"].Status);
        Assert.Equal(RiskStatus.Untested, risks["R3"].Status);
    }

    [Fact]
    public void Build_AllGreenInFull_SignOffChecksDone()
    {
        var report = Reports.AllGreen();

        Assert.Equal(VerdictText.Go, report.Verdict);
        Assert.Equal([true, true, true, null, null], report.SignOff.Select(i => i.Done));
    }

    [Fact]
    public void Build_AllGreenInQuick_CanaryCheckNotDone()
    {
        var report = Reports.AllGreen("quick");

        var canaries = report.SignOff[1];
        Assert.False(canaries.Done);
        Assert.Contains("only the full profile", canaries.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MixedRun_ProblemsIncludeInputProblems()
    {
        var report = Reports.Mixed();

        Assert.Contains(report.Problems, p => p.Source == "metrics/x.json");
    }
}
