using Socrates.Gates.Canaries;
using Socrates.Gates.Config;

namespace Socrates.Gates.Tests.Canaries;

[Trait("Category", "Unit")]
public sealed class CanaryPlannerTests
{
    private const string CoreTests = "Socrates.Core.Tests.dll";

    [Fact]
    public void Plan_TwoGatesSameSuiteAndFailpoint_ShareOneRunWithTheUnionOfTheirTests()
    {
        var config = Config(
            Gate("roundtrip", "unit", "v2.roundtrip", "v2.save.drop-field"),
            Gate("breaking", "unit", "v2.breaking", "v2.save.drop-field"),
            Gate("roundtrip-props", "properties", "v2.roundtrip.props", "v2.save.drop-field"));
        var writers = new MetricWriters();
        writers.Add("v2.roundtrip", CoreTests, "Ns.A.Roundtrip");
        writers.Add("v2.breaking", CoreTests, "Ns.B.Breaking");
        writers.Add("v2.roundtrip.props", "Socrates.Properties.Tests.dll", "Ns.P.Roundtrip");

        var runs = CanaryPlanner.Plan(config, "ci", writers, new FailpointReachIndex());

        Assert.Equal(2, runs.Count);
        Assert.Equal(["roundtrip", "breaking"], runs[0].Gates);
        var target = Assert.Single(runs[0].Tests);
        Assert.Equal(["Ns.A.Roundtrip", "Ns.B.Breaking"], target.Tests);
        Assert.Equal("FullyQualifiedName=Ns.A.Roundtrip|FullyQualifiedName=Ns.B.Breaking", target.Filter);
        Assert.Equal(["roundtrip-props"], runs[1].Gates);
    }

    [Fact]
    public void Plan_GateOnTestResults_RerunsTheTestsThatReachedItsFailpoint()
    {
        var config = Config(Gate("tests-pass", "unit", "tests.failed", "v2.save.drop-field"));
        var reach = new FailpointReachIndex();
        reach.Add("unit", "v2.save.drop-field", CoreTests, "Ns.A.Saves");
        reach.Add("unit", "cache.other", CoreTests, "Ns.C.Caches");
        reach.Add("properties", "v2.save.drop-field", "Socrates.Properties.Tests.dll", "Ns.P.Saves");

        var run = Assert.Single(CanaryPlanner.Plan(config, "ci", new MetricWriters(), reach));

        Assert.Equal(["Ns.A.Saves"], Assert.Single(run.Tests).Tests);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void Plan_GateOnTestResultsWithoutReachRecorded_IsAProblemNotAWiderRun()
    {
        var config = Config(Gate("tests-pass", "unit", "tests.failed", "v2.save.drop-field"));

        var run = Assert.Single(CanaryPlanner.Plan(config, "ci", new MetricWriters(), new FailpointReachIndex()));

        Assert.Empty(run.Tests);
        Assert.Contains("did not record", run.Problems["tests-pass"], StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MetricTheCleanRunDidNotWrite_IsAProblemOfThatGate()
    {
        var config = Config(Gate("roundtrip", "unit", "v2.roundtrip", "v2.save.drop-field"));

        var run = Assert.Single(CanaryPlanner.Plan(config, "ci", new MetricWriters(), new FailpointReachIndex()));

        Assert.Contains("wrote no metric 'v2.roundtrip'", run.Problems["roundtrip"], StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MetricWrittenOutsideATest_WidensToTheWholeSuiteOfThatAssembly()
    {
        var config = Config(Gate("roundtrip", "unit", "v2.roundtrip", "v2.save.drop-field"));
        var writers = new MetricWriters();
        writers.Add("v2.roundtrip", CoreTests, "Ns.A.Roundtrip");
        writers.Add("v2.roundtrip", CoreTests, null);

        var target = Assert.Single(Assert.Single(CanaryPlanner.Plan(config, "ci", writers, new FailpointReachIndex())).Tests);

        Assert.Empty(target.Tests);
        Assert.Null(target.Filter);
    }

    [Fact]
    public void Plan_BenchmarkGatesSameFailpoint_OneRunNamingEachMetric()
    {
        var config = Config(
            Gate("lazy", "benchmarks", "bench.lazy", "v2.load.eager-history"),
            Gate("paired-lazy", "benchmarks", "bench.paired.lazy", "v2.load.eager-history"));

        var run = Assert.Single(CanaryPlanner.Plan(config, "ci", new MetricWriters(), new FailpointReachIndex()));

        Assert.Equal(["bench.lazy", "bench.paired.lazy"], run.BenchmarkMetrics);
        Assert.Empty(run.Tests);
    }

    [Fact]
    public void Filter_TestNameWithReservedCharacters_IsEscaped()
    {
        var target = new TestTarget(CoreTests, ["Ns.A(B)=C"]);

        Assert.Equal(@"FullyQualifiedName=Ns.A\(B\)\=C", target.Filter);
    }

    private static GateDefinition Gate(string id, string suite, string metric, string failpoint) =>
        new(id, id, ["RACE"], metric, Direction.Max, 0, null, "count", ["ci"], suite, new CanaryDefinition(failpoint, null), null);

    private static GateConfig Config(params GateDefinition[] gates) =>
        new("gates.json", GateConfig.CurrentVersion, [new RiskDefinition("RACE", "Lost updates", RiskSeverity.High)], gates);
}
