using System.Globalization;
using System.Xml.Linq;
using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>
/// Renders <c>junit.xml</c> so CI shows gates as tests: one testcase per gate (classname
/// <c>gates.{suite}</c>, so CI groups gates by the suite that feeds them; name = gate id); fail
/// and missing carry a failure, skipped a skipped element, inconclusive a skipped element whose
/// message gives the reason (neither a pass nor a failure), a warning its reason in system-out;
/// every case carries its status, value, thresholds, risks and canary as properties, so a
/// warning or an unproven gate is visible where JUnit has no word for it. No time is given: a
/// gate is decided from evidence, its duration would be invented. An insensitive canary adds a
/// failing testcase <c>{gate}.canary</c>.
/// </summary>
internal static class JUnitReportWriter
{
    public const string FileName = "junit.xml";
    public const string ClassName = "gates";

    /// <summary>The testcase class of a gate: <c>gates.{suite}</c>.</summary>
    public static string ClassOf(ReportGate gate) => $"{ClassName}.{gate.Suite}";

    public static XDocument Build(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cases = new List<XElement>();
        foreach (var gate in report.Gates)
        {
            var testCase = new XElement("testcase", new XAttribute("classname", ClassOf(gate)), new XAttribute("name", gate.Id), Properties(gate));
            switch (gate.Status)
            {
                case GateStatus.Fail or GateStatus.Missing:
                    testCase.Add(new XElement(
                        "failure",
                        new XAttribute("message", $"{ReportWords.Of(gate.Status)}: {gate.Reason}"),
                        new XAttribute("type", ReportWords.Of(gate.Status)),
                        $"{gate.Title}\nmetric {gate.Metric} = {ReportWords.Value(gate)}; fail {NumberFormat.Of(gate.Fail)}, warn {NumberFormat.Of(gate.Warn)}, direction {ReportWords.Of(gate.Direction)}\nrisks: {string.Join(", ", gate.Risks)}"));
                    break;
                case GateStatus.Skipped:
                    testCase.Add(new XElement("skipped", new XAttribute("message", gate.Reason)));
                    break;
                case GateStatus.Inconclusive:
                    testCase.Add(new XElement("skipped", new XAttribute("message", $"inconclusive: {gate.Reason}")));
                    break;
                case GateStatus.Warn:
                    testCase.Add(new XElement("system-out", $"warn: {gate.Reason}"));
                    break;
                case GateStatus.Pass:
                    break;
            }

            cases.Add(testCase);
            if (gate.Canary.Status == CanaryStatus.Insensitive)
            {
                cases.Add(new XElement(
                    "testcase",
                    new XAttribute("classname", ClassOf(gate)),
                    new XAttribute("name", gate.Id + ".canary"),
                    new XElement("failure", new XAttribute("message", $"insensitive canary: {gate.Canary.Reason}"), new XAttribute("type", "insensitive"))));
            }
        }

        var failures = cases.Count(c => c.Element("failure") is not null);
        var skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", ClassName),
            new XAttribute("tests", cases.Count.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("failures", failures.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("errors", "0"),
            new XAttribute("skipped", skipped.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("timestamp", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("hostname", report.Machine.Name),
            new XElement("properties",
                new XElement("property", new XAttribute("name", "verdict"), new XAttribute("value", report.Verdict)),
                new XElement("property", new XAttribute("name", "profile"), new XAttribute("value", report.Profile)),
                new XElement("property", new XAttribute("name", "commit"), new XAttribute("value", report.Commit)),
                new XElement("property", new XAttribute("name", "sensitivity"), new XAttribute("value", report.Summary.Sensitivity)),
                report.RehearsedOn.Select(r => new XElement("property", new XAttribute("name", "rehearsed-on"), new XAttribute("value", $"{r.Path} ({r.Bytes} bytes, sha256 {r.Sha256}, {(r.SourceUnchanged ? "unchanged" : "CHANGED")})")))),
            cases);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "gates"), new XAttribute("tests", cases.Count.ToString(CultureInfo.InvariantCulture)), new XAttribute("failures", failures.ToString(CultureInfo.InvariantCulture)), suite));
    }

    private static XElement Properties(ReportGate gate) =>
        new("properties",
            Property("status", ReportWords.Of(gate.Status)),
            Property("value", ReportWords.Value(gate)),
            Property("fail", NumberFormat.Of(gate.Fail)),
            Property("warn", NumberFormat.Of(gate.Warn)),
            Property("direction", ReportWords.Of(gate.Direction)),
            Property("risks", string.Join(",", gate.Risks)),
            Property("canary", ReportWords.Of(gate.Canary.Status)),
            Property("title", gate.Title),
            Property("data", gate.RealData ? "real" : "generated"),
            Property("reproduce", gate.Reproduce ?? ""),
            Property("reproduce-canary", gate.ReproduceCanary ?? ""));

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    public static string Render(GateReport report)
    {
        var document = Build(report);
        return document.Declaration + "\n" + document.ToString() + "\n";
    }
}
