using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class VerdictDeciderTests
{
    [Fact]
    public void Decide_AllPass_Go()
    {
        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Pass), Result("b", GateStatus.Pass)], canariesExpected: false);

        Assert.Equal(Verdict.Go, verdict.Verdict);
        Assert.Equal("GO", verdict.Text);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void Decide_OneWarn_GoWithWarnings()
    {
        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Pass), Result("b", GateStatus.Warn)], false);

        Assert.Equal(Verdict.GoWithWarnings, verdict.Verdict);
        Assert.Equal("GO WITH WARNINGS", verdict.Text);
        Assert.Contains(verdict.Reasons, r => r.Contains("'b'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(GateStatus.Fail)]
    [InlineData(GateStatus.Missing)]
    public void Decide_OneRedAmongWarnings_NoGo(GateStatus red)
    {
        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Warn), Result("b", red)], false);

        Assert.Equal(Verdict.NoGo, verdict.Verdict);
        Assert.Equal("NO-GO", verdict.Text);
        Assert.Contains(verdict.Reasons, r => r.Contains("'b'", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_SkippedGatesIgnored_Go()
    {
        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Pass), Result("b", GateStatus.Skipped)], false);

        Assert.Equal(Verdict.Go, verdict.Verdict);
    }

    [Fact]
    public void Decide_NoGateApplies_NoGo()
    {
        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Skipped)], false);

        Assert.Equal(Verdict.NoGo, verdict.Verdict);
        Assert.Contains("nothing was proven", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InsensitiveCanaryOnPassingGate_NoGo()
    {
        var gate = Result("a", GateStatus.Pass) with { Canary = new CanaryResult(CanaryStatus.Insensitive, GateStatus.Pass, 1, "stayed green") };

        var verdict = VerdictDecider.Decide([gate], false);

        Assert.Equal(Verdict.NoGo, verdict.Verdict);
        Assert.Contains("canary insensitive", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CanaryNotRunWhenNotExpected_Go()
    {
        var gate = Result("a", GateStatus.Pass) with { Canary = new CanaryResult(CanaryStatus.NotRun, null, null, "not run") };

        Assert.Equal(Verdict.Go, VerdictDecider.Decide([gate], canariesExpected: false).Verdict);
    }

    [Fact]
    public void Decide_CanaryNotRunWhenExpected_NoGo()
    {
        var gate = Result("a", GateStatus.Pass) with { Canary = new CanaryResult(CanaryStatus.NotRun, null, null, "not run") };

        var verdict = VerdictDecider.Decide([gate], canariesExpected: true);

        Assert.Equal(Verdict.NoGo, verdict.Verdict);
        Assert.Contains("expected but not run", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GateWithoutCanaryWhenExpected_NotNoGo()
    {
        var gate = Result("a", GateStatus.Pass) with { Canary = CanaryResult.NoCanary };

        Assert.Equal(Verdict.Go, VerdictDecider.Decide([gate], canariesExpected: true).Verdict);
    }

    [Fact]
    public void Decide_InconclusiveGateAndNoRed_InconclusiveWithItsReason()
    {
        var inconclusive = Result("b", GateStatus.Inconclusive) with { Reason = "inconclusive: spread 30 % after 5 tries" };

        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Warn), inconclusive], false);

        Assert.Equal(Verdict.Inconclusive, verdict.Verdict);
        Assert.Equal("INCONCLUSIVE", verdict.Text);
        Assert.Contains(verdict.Reasons, r => r.Contains("'b'", StringComparison.Ordinal) && r.Contains("spread 30 %", StringComparison.Ordinal));
        Assert.Contains(verdict.Reasons, r => r.Contains("'a' warn", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_InconclusiveAndRedGates_NoGo()
    {
        var verdict = VerdictDecider.Decide([Result("a", GateStatus.Fail), Result("b", GateStatus.Inconclusive)], false);

        Assert.Equal(Verdict.NoGo, verdict.Verdict);
    }

    [Fact]
    public void Decide_InconclusiveCanaryWhenExpected_Inconclusive()
    {
        var gate = Result("a", GateStatus.Pass) with { Canary = new CanaryResult(CanaryStatus.Inconclusive, GateStatus.Inconclusive, null, "too noisy") };

        Assert.Equal(Verdict.Inconclusive, VerdictDecider.Decide([gate], canariesExpected: true).Verdict);
        Assert.Equal(Verdict.Go, VerdictDecider.Decide([gate], canariesExpected: false).Verdict);
    }

    private static GateResult Result(string id, GateStatus status) => RiskEvaluatorTests.Result(id, status);
}
