using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

/// <summary>One cause, one red: a test that wrote a red gate's figure and then failed is that gate's problem, not a second one.</summary>
[Trait("Category", "Unit")]
public sealed class ReportCausesTests
{
    private const string SoakTest = "Ns.SoakTests.Heap_PerOp_Bounded";

    [Fact]
    public void Build_RedGateWhoseTestFailed_OneProblemNamingTestsPass()
    {
        var report = Build(new FailedTest(SoakTest, "Failed", "Assert.True() Failure"));

        Assert.Equal(VerdictText.NoGo, report.Verdict);
        var cause = Assert.Single(report.Causes, c => c.IsProblem);
        Assert.Equal("soak-heap", cause.Gate);
        Assert.Equal("soak-heap (Gate soak-heap): 322 B/op > fail 256, and its test failed (tests-pass)", cause.Text);
        Assert.Equal(["tests-pass"], cause.AlsoRed);
        Assert.StartsWith("1 problem (2 red gates)", ReportWords.Headline(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RedGateWhoseTestFailed_TiedOnGateRowAndUnderFailedTest()
    {
        var report = Build(new FailedTest(SoakTest + "(size: 3)", "Failed", null));

        var gate = report.Gates.Single(g => g.Id == "soak-heap");
        Assert.Equal([SoakTest + "(size: 3)"], gate.FailedTests);
        Assert.Equal(["tests-pass"], gate.AlsoRed);
        Assert.Equal(SoakTest, gate.Test);
        Assert.Equal(["soak-heap"], Assert.Single(Assert.Single(report.Tests).FailedTests).Gates);
    }

    [Fact]
    public void Build_FailedTestTiedToNoGate_OwnProblemUnderTestsPass()
    {
        var report = Build(new FailedTest(SoakTest, "Failed", null), new FailedTest("Ns.Other.Save_Roundtrip", "Failed", "boom"));

        var problems = report.Causes.Where(c => c.IsProblem).ToList();
        Assert.Equal(2, problems.Count);
        var testsPass = Assert.Single(problems, c => c.Gate == "tests-pass");
        Assert.Contains("1 failed test tied to no red gate: Ns.Other.Save_Roundtrip", testsPass.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SoakTest, testsPass.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FailuresBeyondTheNamedOnes_TestsPassStaysItsOwnProblem()
    {
        // A crashed test host adds a failure no test name carries: it cannot be the soak gate's.
        var report = Build([new FailedTest(SoakTest, "Failed", null)], failedCount: 2);

        Assert.Equal(2, report.Causes.Count(c => c.IsProblem));
        Assert.Contains("not named in the result files", report.Causes.Single(c => c.Gate == "tests-pass").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RedGate_BannerLinksToTheGateRowInHtmlAndMarkdown()
    {
        var report = Build(new FailedTest(SoakTest, "Failed", null));

        var html = HtmlReportWriter.Render(report);
        var markdown = MarkdownReportWriter.Render(report);
        var console = ConsoleSummary.Render(report);

        Assert.Contains("<tr id=\"gate-soak-heap\" class=\"gate attention\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#gate-soak-heap\">soak-heap (Gate soak-heap): 322 B/op &gt; fail 256, and its test failed (tests-pass)</a>", html, StringComparison.Ordinal);
        Assert.Contains("NO-GO: 1 problem (2 red gates)", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"gate-soak-heap\"></a>", markdown, StringComparison.Ordinal);
        Assert.Contains("(#gate-soak-heap)", markdown, StringComparison.Ordinal);
        Assert.Contains("wrote the figure of [`soak-heap`](#gate-soak-heap)", markdown, StringComparison.Ordinal);
        Assert.Contains("Verdict (ci): NO-GO: 1 problem (2 red gates)", console, StringComparison.Ordinal);
    }

    private static GateReport Build(params FailedTest[] failedTests) => Build(failedTests, failedTests.Length);

    private static GateReport Build(IReadOnlyList<FailedTest> failedTests, int failedCount)
    {
        var config = TestGates.Config(
        [
            TestGates.Make(id: "soak-heap", metric: "soak.heap", direction: Direction.Max, fail: 256, unit: "B/op"),
            TestGates.Make(id: "tests-pass", metric: "tests.failed", direction: Direction.Max, fail: 0, unit: "tests"),
        ]);
        var metrics = new MetricSet([
            TestGates.Sample("soak.heap", 322, unit: "B/op") with { Test = SoakTest },
            TestGates.Sample("tests.failed", failedCount, unit: "tests"),
        ]);
        var evaluation = RunEvaluator.Evaluate(config, metrics, "ci", _ => null, canariesExpected: false);
        var suites = new[] { new TestSuiteCounts("unit", 10, 10 - failedCount, failedCount, 0, "test-results/unit.trx") { FailedTests = failedTests } };
        var snapshot = new ArtifactSnapshot(Reports.ArtifactsRoot, metrics, suites, null, [], []);
        return ReportBuilder.Build(evaluation, snapshot, Reports.Context("ci"), null, null, []);
    }
}
