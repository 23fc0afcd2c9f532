using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ConsoleSummaryTests
{
    [Fact]
    public void Render_Mixed_LinePerGateAndVerdict()
    {
        var text = ConsoleSummary.Render(Reports.Mixed());
        var lines = text.Split('\n');

        Assert.StartsWith("GATE", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("fail-gate", StringComparison.Ordinal) && l.Contains("FAIL", StringComparison.Ordinal) && l.Contains("min fail 0.9", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("blind-gate", StringComparison.Ordinal) && l.Contains("insensitive", StringComparison.Ordinal));
        Assert.Contains("Verdict (full): NO-GO", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedTests_NamedWithTheirMessage()
    {
        var text = ConsoleSummary.Render(Reports.Mixed());

        Assert.Contains("Failed tests:", text, StringComparison.Ordinal);
        Assert.Contains("  - unit: Ns.Cls.Save_Concurrent_NoLostUpdate (Failed): Assert.Equal() Failure: <lost> | 2", text, StringComparison.Ordinal);
    }
}
