using System.Xml.Linq;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class JUnitReportWriterTests
{
    private static readonly XDocument s_xml = XDocument.Parse(JUnitReportWriter.Render(Reports.Mixed()));

    [Fact]
    public void Render_EachGate_OneTestcaseInClassOfItsSuite()
    {
        var cases = Cases();

        Assert.All(cases, c => Assert.StartsWith("gates.", (string?)c.Attribute("classname"), StringComparison.Ordinal));
        Assert.All(cases, c => Assert.Null(c.Attribute("time")));
        Assert.Equal(
            ["pass-gate", "warn-gate", "fail-gate", "missing-gate", "skipped-gate", "blind-gate", "blind-gate.canary", "html-gate"],
            cases.Select(c => (string?)c.Attribute("name")));
    }

    [Fact]
    public void Render_FailAndMissing_Failure()
    {
        var failure = Case("fail-gate").Element("failure");
        Assert.NotNull(failure);
        Assert.StartsWith("fail: 0.5 < fail 0.9", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.StartsWith("missing:", (string?)Case("missing-gate").Element("failure")!.Attribute("message"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PassAndWarn_NoFailure()
    {
        Assert.Null(Case("pass-gate").Element("failure"));
        Assert.Null(Case("warn-gate").Element("failure"));
    }

    [Fact]
    public void Render_Warn_StatusPropertyAndReasonVisible()
    {
        var warn = Case("warn-gate");

        Assert.Equal("warn", Property(warn, "status"));
        Assert.StartsWith("warn:", (string?)warn.Element("system-out"), StringComparison.Ordinal);
        Assert.Equal("pass", Property(Case("pass-gate"), "status"));
    }

    [Fact]
    public void Render_EachGate_ThresholdsRisksAndCanaryAsProperties()
    {
        var failing = Case("fail-gate");

        Assert.Equal("0.9", Property(failing, "fail"));
        Assert.False(string.IsNullOrEmpty(Property(failing, "risks")));
        Assert.False(string.IsNullOrEmpty(Property(failing, "canary")));
    }

    [Fact]
    public void Render_Skipped_SkippedElement()
    {
        Assert.NotNull(Case("skipped-gate").Element("skipped"));
    }

    [Fact]
    public void Render_InsensitiveCanary_SeparateFailingTestcase()
    {
        Assert.Null(Case("blind-gate").Element("failure"));
        Assert.Contains("insensitive", (string?)Case("blind-gate.canary").Element("failure")!.Attribute("message"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Suite_CountsMatchCases()
    {
        var suite = s_xml.Root!.Element("testsuite")!;

        Assert.Equal("8", (string?)suite.Attribute("tests"));
        Assert.Equal("3", (string?)suite.Attribute("failures"));
        Assert.Equal("1", (string?)suite.Attribute("skipped"));
        Assert.Equal("testsuites", s_xml.Root.Name.LocalName);
    }

    private static string? Property(XElement testCase, string name) =>
        (string?)testCase.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == name).Attribute("value");

    private static List<XElement> Cases() => [.. s_xml.Descendants("testcase")];

    private static XElement Case(string name) => Cases().Single(c => (string?)c.Attribute("name") == name);
}
