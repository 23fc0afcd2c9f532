using System.Xml.Linq;
using Socrates.Gates.Metrics;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class TrxSourceTests
{
    [Fact]
    public void Read_RealPassingTrx_CountsAndMetrics()
    {
        using var temp = new TempArtifacts();
        temp.WriteTrx("unit", "unit-passing.trx");

        var result = new TrxSource().Read(temp.Root);

        var suite = Assert.Single(result.TestSuites);
        Assert.Equal(("unit", 5, 5, 0, 0), (suite.Suite, suite.Total, suite.Passed, suite.Failed, suite.Skipped));
        Assert.True(suite.Readable);
        Assert.Empty(result.Problems);
        var metrics = new MetricSet(result.Samples);
        Assert.Equal(5, metrics.Find("tests.total")!.Value);
        Assert.Equal(5, metrics.Find("tests.passed")!.Value);
        Assert.Equal(0, metrics.Find("tests.failed")!.Value);
        Assert.Equal(0, metrics.Find("tests.skipped")!.Value);
        Assert.Equal(1.0, metrics.Find("tests.pass_rate")!.Value);
        Assert.Equal(5, metrics.Find("tests.unit.total")!.Value);
        Assert.Equal("test-results/unit.trx", metrics.Find("tests.unit.failed")!.Evidence);
        Assert.NotNull(metrics.Find("tests.failed")!.WrittenAt);
    }

    [Fact]
    public void Read_RealMixedTrx_CountsOutcomesNotCounters()
    {
        using var temp = new TempArtifacts();
        temp.WriteTrx("properties", "mixed.trx");

        var result = new TrxSource().Read(temp.Root);

        var suite = Assert.Single(result.TestSuites);
        // The sample's <Counters> say notExecuted="0" though one test was skipped; outcomes are the truth.
        Assert.Equal(("properties", 5, 3, 1, 1), (suite.Suite, suite.Total, suite.Passed, suite.Failed, suite.Skipped));
        var metrics = new MetricSet(result.Samples);
        Assert.Equal(1, metrics.Find("tests.properties.failed")!.Value);
        Assert.Equal(0.75, metrics.Find("tests.pass_rate")!.Value);
        var failed = Assert.Single(suite.FailedTests);
        Assert.Equal("Failed", failed.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(failed.Name));
        Assert.DoesNotContain('\n', failed.Message ?? "");
        Assert.Equal("at Sample.MixedTests.Compares_Strings_Fails() in /tmp/engine-sample/T.cs:line 6", failed.StackFrames[0]);
        Assert.Null(failed.Replay);
    }

    [Fact]
    public void Count_FailedProperty_KeepsFirstFiveFramesAndReplayLine()
    {
        var frames = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"   at Props.Frame{i}() in /src/P.cs:line {i}"));
        var document = XDocument.Parse($"""
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results><UnitTestResult testName="Props.Roundtrip" outcome="Failed"><Output><ErrorInfo>
                <Message>Property Roundtrip falsified after 12 cases
            Replay: SOCRATES_PBT_REPLAY=123,456 dotnet test --filter "FullyQualifiedName~Roundtrip"
            shrunk: [0]</Message>
                <StackTrace>{frames}</StackTrace>
              </ErrorInfo></Output></UnitTestResult></Results>
              <ResultSummary outcome="Failed" />
            </TestRun>
            """);

        var failed = Assert.Single(TrxSource.Count(document, "properties", "x").FailedTests);

        Assert.Equal("Property Roundtrip falsified after 12 cases", failed.Message);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"at Props.Frame{i}() in /src/P.cs:line {i}"), failed.StackFrames);
        Assert.Equal("SOCRATES_PBT_REPLAY=123,456 dotnet test --filter \"FullyQualifiedName~Roundtrip\"", failed.Replay);
    }

    [Fact]
    public void Read_TwoSuites_TotalsSumAndPerSuiteKept()
    {
        using var temp = new TempArtifacts();
        temp.WriteTrx("unit", "unit-passing.trx");
        temp.WriteTrx("properties", "mixed.trx");

        var metrics = new MetricSet(new TrxSource().Read(temp.Root).Samples);

        Assert.Equal(10, metrics.Find("tests.total")!.Value);
        Assert.Equal(8, metrics.Find("tests.passed")!.Value);
        Assert.Equal(1, metrics.Find("tests.failed")!.Value);
        Assert.Equal(1, metrics.Find("tests.skipped")!.Value);
        Assert.Equal(8.0 / 9.0, metrics.Find("tests.pass_rate")!.Value, 12);
        Assert.Equal(0, metrics.Find("tests.unit.failed")!.Value);
        Assert.Equal(1, metrics.Find("tests.properties.failed")!.Value);
    }

    [Fact]
    public void Read_SuiteSplitOverProjects_AggregatedUnderSuite()
    {
        using var temp = new TempArtifacts();
        temp.WriteTrx("unit.core", "unit-passing.trx");
        temp.WriteTrx("unit.gates", "mixed.trx");

        var result = new TrxSource().Read(temp.Root);

        Assert.Equal(["unit", "unit"], result.TestSuites.Select(s => s.Suite));
        Assert.Equal(["test-results/unit.core.trx", "test-results/unit.gates.trx"], result.TestSuites.Select(s => s.Source));
        var metrics = new MetricSet(result.Samples);
        Assert.Equal(10, metrics.Find("tests.unit.total")!.Value);
        Assert.Equal(1, metrics.Find("tests.unit.failed")!.Value);
        Assert.Equal(1, metrics.Find("tests.unit.skipped")!.Value);
        Assert.Equal("test-results/unit.*.trx", metrics.Find("tests.unit.failed")!.Evidence);
        Assert.Empty(metrics.Problems);
    }

    [Theory]
    [InlineData("unit.trx", "unit")]
    [InlineData("unit.core.trx", "unit")]
    [InlineData("properties.trx", "properties")]
    public void SuiteOf_FileName_UpToFirstDot(string file, string suite) =>
        Assert.Equal(suite, TrxSource.SuiteOf(Path.Combine("test-results", file)));

    [Theory]
    [InlineData("<TestRun><Results>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    public void Read_UnreadableTrx_ProblemAndCountedAsFailedSuite(string content)
    {
        using var temp = new TempArtifacts();
        temp.WriteTrx("unit", "unit-passing.trx");
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "test-results", "broken.trx"), content);

        var result = new TrxSource().Read(temp.Root);

        var broken = Assert.Single(result.TestSuites, s => s.Suite == "broken");
        Assert.False(broken.Readable);
        Assert.Equal(1, broken.Failed);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("test-results/broken.trx", problem.Source);
        Assert.Contains("counted as a failed suite", problem.Message, StringComparison.Ordinal);
        var metrics = new MetricSet(result.Samples);
        Assert.Equal(1, metrics.Find("tests.failed")!.Value);
        Assert.Equal(1, metrics.Find("tests.broken.failed")!.Value);
    }

    [Fact]
    public void Read_XmlThatIsNotTrx_Unreadable()
    {
        using var temp = new TempArtifacts();
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "test-results", "unit.trx"), "<testsuites><testsuite/></testsuites>");

        var result = new TrxSource().Read(temp.Root);

        Assert.Contains("not <TestRun>", Assert.Single(result.TestSuites).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_RunFailedWithNoFailedTest_CountsOneFailure()
    {
        // A test host that crashed: the summary says Failed, the results say nothing failed.
        var document = XDocument.Parse("""
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results><UnitTestResult testName="a" outcome="Passed" /></Results>
              <ResultSummary outcome="Failed"><Counters total="1" passed="1" failed="0" /></ResultSummary>
            </TestRun>
            """);

        var counts = TrxSource.Count(document, "unit", "test-results/unit.trx");

        Assert.Equal(1, counts.Failed);
        Assert.Equal(1, counts.Passed);
    }

    [Fact]
    public void Count_NoResultsOnlyCounters_UsesCounters()
    {
        var document = XDocument.Parse("""
            <TestRun><ResultSummary outcome="Failed"><Counters total="7" passed="4" failed="1" error="1" timeout="0" notExecuted="1" /></ResultSummary></TestRun>
            """);

        var counts = TrxSource.Count(document, "unit", "x");

        Assert.Equal((7, 4, 2, 1), (counts.Total, counts.Passed, counts.Failed, counts.Skipped));
    }

    [Fact]
    public void Count_TimeoutAndErrorOutcomes_CountAsFailed()
    {
        var document = XDocument.Parse("""
            <TestRun><Results>
              <UnitTestResult outcome="Passed" /><UnitTestResult outcome="Timeout" /><UnitTestResult outcome="Error" /><UnitTestResult outcome="Aborted" />
            </Results><ResultSummary outcome="Failed" /></TestRun>
            """);

        var counts = TrxSource.Count(document, "unit", "x");

        Assert.Equal((4, 1, 3, 0), (counts.Total, counts.Passed, counts.Failed, counts.Skipped));
    }

    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(3, 1, 0.75)]
    [InlineData(0, 2, 0.0)]
    public void PassRate_PassedOverDecided_OneWhenNone(int passed, int failed, double expected) =>
        Assert.Equal(expected, TrxSource.PassRate(passed, failed));

    [Fact]
    public void Read_NoFolder_Nothing()
    {
        using var temp = new TempArtifacts();

        var result = new TrxSource().Read(temp.Root);

        Assert.Empty(result.Samples);
        Assert.Empty(result.TestSuites);
    }
}
