using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class RiskEvaluatorTests
{
    private static readonly RiskDefinition s_risk = new("R1", "Risk one", RiskSeverity.Critical);

    [Fact]
    public void Evaluate_AllGatesPassWithVerifiedCanaries_Verified()
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Pass), Result("b", GateStatus.Pass)]);

        Assert.Equal(RiskStatus.Verified, risk.Status);
        Assert.False(risk.HasWarnings);
        Assert.Equal(["a", "b"], risk.Gates);
    }

    [Fact]
    public void Evaluate_OneGateWarns_VerifiedWithWarnings()
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Pass), Result("b", GateStatus.Warn)]);

        Assert.Equal(RiskStatus.Verified, risk.Status);
        Assert.True(risk.HasWarnings);
    }

    [Theory]
    [InlineData(GateStatus.Fail)]
    [InlineData(GateStatus.Missing)]
    public void Evaluate_OneGateRed_AtRisk(GateStatus red)
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Pass), Result("b", red)]);

        Assert.Equal(RiskStatus.AtRisk, risk.Status);
    }

    [Fact]
    public void Evaluate_PassingGateWithInsensitiveCanary_AtRisk()
    {
        var insensitive = Result("a", GateStatus.Pass) with { Canary = new CanaryResult(CanaryStatus.Insensitive, GateStatus.Pass, 1, "stayed green") };

        var risk = RiskEvaluator.Evaluate(s_risk, [insensitive]);

        Assert.Equal(RiskStatus.AtRisk, risk.Status);
    }

    [Fact]
    public void Evaluate_NoGateNamesIt_Untested()
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Pass, risk: "OTHER")]);

        Assert.Equal(RiskStatus.Untested, risk.Status);
        Assert.Empty(risk.Gates);
    }

    [Fact]
    public void Evaluate_OnlySkippedGatesNameIt_Untested()
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Skipped)]);

        Assert.Equal(RiskStatus.Untested, risk.Status);
    }

    [Fact]
    public void Evaluate_Register_OneResultPerRiskInOrder()
    {
        RiskDefinition[] register = [s_risk, new("R2", "Risk two", RiskSeverity.Low)];

        var risks = RiskEvaluator.Evaluate(register, [Result("a", GateStatus.Fail, risk: "R2")]);

        Assert.Equal(["R1", "R2"], risks.Select(r => r.Risk.Id));
        Assert.Equal([RiskStatus.Untested, RiskStatus.AtRisk], risks.Select(r => r.Status));
    }

    [Theory]
    [InlineData(CanaryStatus.NotRun)]
    [InlineData(CanaryStatus.Inconclusive)]
    [InlineData(CanaryStatus.None)]
    public void Evaluate_GreenGateWhoseCanaryWasNotVerified_PassingUnproven(CanaryStatus canary)
    {
        var unproven = Result("b", GateStatus.Pass) with { Canary = new CanaryResult(canary, null, null, "not shown") };

        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Pass), unproven]);

        Assert.Equal(RiskStatus.PassingUnproven, risk.Status);
    }

    [Fact]
    public void Evaluate_InconclusiveGateAndNoRedOne_Inconclusive()
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Pass), Result("b", GateStatus.Inconclusive)]);

        Assert.Equal(RiskStatus.Inconclusive, risk.Status);
    }

    [Fact]
    public void Evaluate_InconclusiveAndRedGates_AtRisk()
    {
        var risk = RiskEvaluator.Evaluate(s_risk, [Result("a", GateStatus.Fail), Result("b", GateStatus.Inconclusive)]);

        Assert.Equal(RiskStatus.AtRisk, risk.Status);
    }

    /// <summary>A decided gate whose canary was verified in this run (the one state in which a green gate proves its risk).</summary>
    internal static GateResult Result(string id, GateStatus status, string risk = "R1") =>
        new(TestGates.Make(id: id, risks: [risk]), status, null, status.ToString(), Verified);

    private static CanaryResult Verified { get; } = new(CanaryStatus.Verified, GateStatus.Fail, 0, "went red");
}
