using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class RunEvaluatorTests
{
    [Fact]
    public void Evaluate_MixedRun_GatesCanariesRisksAndVerdictAgree()
    {
        var config = TestGates.Config(
            [
                TestGates.Make(id: "a", metric: "ma", direction: Direction.Min, fail: 0.9, risks: ["R1"], canary: TestGates.Failpoint("fa")),
                TestGates.Make(id: "b", metric: "mb", direction: Direction.Max, fail: 0, risks: ["R2"], canary: TestGates.Failpoint("fb")),
                TestGates.Make(id: "c", metric: "mc", risks: ["R3"], profiles: ["full"]),
            ],
            "R1", "R2", "R3");
        var main = TestGates.Metrics(("ma", 0.95), ("mb", 0), ("mc", 0));
        var canaries = new Dictionary<string, CanaryRun>
        {
            ["a"] = TestGates.Canary(("ma", 0.2)),
            ["b"] = TestGates.Canary(("mb", 0)),
        };

        var run = RunEvaluator.Evaluate(config, main, "ci", g => canaries.GetValueOrDefault(g.Id), canariesExpected: false);

        Assert.Equal([GateStatus.Pass, GateStatus.Pass, GateStatus.Skipped], run.Gates.Select(g => g.Status));
        Assert.Equal([CanaryStatus.Verified, CanaryStatus.Insensitive, CanaryStatus.None], run.Gates.Select(g => g.Canary.Status));
        Assert.Equal([RiskStatus.Verified, RiskStatus.AtRisk, RiskStatus.Untested], run.Risks.Select(r => r.Status));
        Assert.Equal(Verdict.NoGo, run.Verdict.Verdict);
    }

    [Fact]
    public void Evaluate_SkippedGate_CanaryNotLookedUp()
    {
        var config = TestGates.Config([TestGates.Make(id: "a", metric: "m", profiles: ["full"], canary: TestGates.Failpoint()), TestGates.Make(id: "b", metric: "m")]);
        var looked = new List<string>();

        RunEvaluator.Evaluate(config, TestGates.Metrics(("m", 1)), "quick", g => { looked.Add(g.Id); return null; }, false);

        Assert.Empty(looked);
    }
}
