using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class MarkdownReportWriterTests
{
    private static readonly string s_md = MarkdownReportWriter.Render(Reports.Mixed());

    [Fact]
    public void Render_GateTable_HeaderAndRows()
    {
        Assert.Contains("| Gate | Title | Measured | Fail | Warn | Dir | Status | Canary | Evidence |", s_md, StringComparison.Ordinal);
        Assert.Contains("| <a id=\"gate-fail-gate\"></a>`fail-gate` | Gate fail-gate | 0.5 ratio | 0.9 |  | min | **fail**", s_md, StringComparison.Ordinal);
        Assert.Contains("| `evidence/unit/pass.json` |", s_md, StringComparison.Ordinal);
        Assert.DoesNotContain("](../", s_md, StringComparison.Ordinal);
        Assert.Contains("verified (failpoint fp.pass)", s_md, StringComparison.Ordinal);
        Assert.Contains("| no canary |", s_md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PassingGates_FoldedAfterTheOnesNeedingAttention()
    {
        var folded = s_md.IndexOf("passing or skipped gates</summary>", StringComparison.Ordinal);

        Assert.True(s_md.IndexOf("`fail-gate` |", StringComparison.Ordinal) < folded);
        Assert.True(s_md.IndexOf("`pass-gate` |", StringComparison.Ordinal) > folded);
        Assert.True(s_md.IndexOf("### Needs attention", StringComparison.Ordinal) < s_md.IndexOf("### Gates", StringComparison.Ordinal));
        Assert.Contains("(#gate-fail-gate)", s_md[..s_md.IndexOf("### Gates", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedTest_FirstFramesAndReplayLine()
    {
        Assert.Contains($"  - `{Reports.MixedFailedFrame}`", s_md, StringComparison.Ordinal);
        Assert.Contains($"  - replay: `{Reports.MixedReplay}`", s_md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Verdict_HeadlineAndReasons()
    {
        Assert.StartsWith("## 🔴 Gate report: **NO-GO**", s_md, StringComparison.Ordinal);
        Assert.Contains("- gate 'fail-gate' fail", s_md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InputText_CannotBreakTheTable()
    {
        var row = s_md.Split('\n').Single(l => l.StartsWith("| <a id=\"gate-html-gate\"></a>`html-gate`", StringComparison.Ordinal));

        Assert.Contains("&lt;script&gt;", row, StringComparison.Ordinal);
        Assert.Contains("\\| pipes", row, StringComparison.Ordinal);
        Assert.Equal(10, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Render_Sections_RisksTestsCoverageSignOff()
    {
        Assert.Contains("### Risk register", s_md, StringComparison.Ordinal);
        Assert.Contains("| `R3` | Risk R3 | high | untested | — |", s_md, StringComparison.Ordinal);
        Assert.Contains("### Tests by suite", s_md, StringComparison.Ordinal);
        Assert.Contains("### Coverage", s_md, StringComparison.Ordinal);
        Assert.Contains("Line 81.25 %", s_md, StringComparison.Ordinal);
        Assert.Contains("- [ ] All gates green", s_md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithPrevious_ChangeSection()
    {
        var md = MarkdownReportWriter.Render(Reports.Mixed(previous: Reports.AllGreen()));

        Assert.Contains("### Change against the previous report (GO, commit `0123abc`)", md, StringComparison.Ordinal);
        Assert.Contains("| `a` | pass 1 → (none) | removed |", md, StringComparison.Ordinal);
    }
}
