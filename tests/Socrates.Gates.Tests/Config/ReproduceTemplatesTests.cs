using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Config;

[Trait("Category", "Unit")]
public sealed class ReproduceTemplatesTests
{
    private static readonly ReproduceTemplates s_templates = new(
        "P={profile} dotnet test tests/{assembly} --filter \"FullyQualifiedName={test}\"",
        new Dictionary<string, string> { ["unit"] = "suite {suite} {metric} {gate}" },
        "F={failpoint} {command}");

    [Fact]
    public void CommandFor_FigureNamesItsTest_TestTemplateFilled()
    {
        var gate = TestGates.Make(id: "g1", canary: TestGates.Failpoint("fp.a"));

        var command = s_templates.CommandFor(gate, "ci", "Ns.Class.Method", "My.Tests.dll");

        Assert.Equal("P=ci dotnet test tests/My.Tests --filter \"FullyQualifiedName=Ns.Class.Method\"", command);
        Assert.Equal("F=fp.a " + command, s_templates.CanaryCommandFor(gate, "ci", command));
    }

    [Fact]
    public void CommandFor_NoTestNamed_SuiteTemplate()
    {
        var gate = TestGates.Make(id: "g1", metric: "m.x");

        Assert.Equal("suite unit m.x g1", s_templates.CommandFor(gate, "ci", test: null, assembly: null));
    }

    [Fact]
    public void CanaryCommandFor_NoFailpoint_Null()
    {
        var gate = TestGates.Make(id: "g1");

        Assert.Null(s_templates.CanaryCommandFor(gate, "ci", "anything"));
    }

    [Fact]
    public void Parse_UnknownPlaceholderOrCanaryWithoutCommand_BothNamed()
    {
        var document = GatesJson.Valid();
        document["reproduce"] = System.Text.Json.Nodes.JsonNode.Parse("""{"test": "run {tset}", "canary": "F={failpoint}"}""");

        var ex = Assert.Throws<GateConfigException>(() => GateConfigLoader.Parse(document.ToJsonString(), GatesJson.File));

        Assert.Contains(ex.Problems, p => p.Field == "reproduce.test" && p.Message.Contains("{tset}", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Field == "reproduce.canary" && p.Message.Contains("{command}", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GateWithWriterNamed_ReportCarriesBothCommands()
    {
        var config = TestGates.Config([TestGates.Make(id: "a", metric: "m", fail: 0.9, canary: TestGates.Failpoint("fp.z"))]);
        var sample = TestGates.Sample("m", 1) with { Test = "Ns.C.M", Assembly = "X.Tests.dll" };
        var metrics = new MetricSet([sample]);
        var evaluation = RunEvaluator.Evaluate(config, metrics, "ci", _ => null, canariesExpected: false);
        var snapshot = new ArtifactSnapshot(Reports.ArtifactsRoot, metrics, [], null, [], []);

        var report = ReportBuilder.Build(evaluation, snapshot, Reports.Context("ci") with { Reproduce = s_templates }, null, null, []);

        var gate = Assert.Single(report.Gates);
        Assert.Equal("P=ci dotnet test tests/X.Tests --filter \"FullyQualifiedName=Ns.C.M\"", gate.Reproduce);
        Assert.StartsWith("F=fp.z P=ci", gate.ReproduceCanary, StringComparison.Ordinal);
        Assert.Contains("reproduce: <code>", HtmlReportWriter.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepositoryGatesFile_EveryGateOfTheCiRunGetsACommand()
    {
        // Every suite a gate names is covered: by the test template (suites that write metric
        // files with their test) or by a suite template.
        var config = GateConfigLoader.Load(Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.json"));
        var testSuites = new[] { "unit", "properties", "stress", "accuracy", "integrity", "measurement" };

        Assert.NotNull(config.Reproduce);
        Assert.All(config.Gates, g => Assert.True(
            testSuites.Contains(g.Suite) || config.Reproduce!.Suites.ContainsKey(g.Suite),
            $"gate {g.Id}: suite {g.Suite} has no reproduce template"));
    }
}
