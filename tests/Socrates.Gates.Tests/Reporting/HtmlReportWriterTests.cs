using System.Text.RegularExpressions;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed partial class HtmlReportWriterTests
{
    private static readonly string s_html = HtmlReportWriter.Render(Reports.Mixed());

    [Fact]
    public void Render_SelfContained_NoScriptsNoExternalResources()
    {
        Assert.DoesNotContain("<script", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", s_html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", s_html, StringComparison.Ordinal);
        foreach (Match link in Href().Matches(s_html))
        {
            Assert.DoesNotContain(":", link.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_FailedTest_FirstFramesAndReplayLine()
    {
        Assert.Contains($"<pre class=\"stack\">{System.Net.WebUtility.HtmlEncode(Reports.MixedFailedFrame)}</pre>", s_html, StringComparison.Ordinal);
        Assert.Contains($"replay: <code>{System.Net.WebUtility.HtmlEncode(Reports.MixedReplay)}</code>", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Gates_WorstFirst()
    {
        var table = s_html[s_html.IndexOf("<h2 id=\"gates\">", StringComparison.Ordinal)..];
        int At(string id) => table.IndexOf($"id=\"gate-{id}\"", StringComparison.Ordinal);

        Assert.True(At("fail-gate") < At("blind-gate"), "red before insensitive");
        Assert.True(At("missing-gate") < At("blind-gate"), "missing is red");
        Assert.True(At("blind-gate") < At("warn-gate"), "insensitive before warn");
        Assert.True(At("warn-gate") < At("pass-gate"), "warn before pass");
        Assert.True(At("pass-gate") < At("skipped-gate"), "skipped last");
    }

    [Fact]
    public void Render_NeedsAttention_RedInsensitiveAndWarnLinkedToTheirRows()
    {
        var start = s_html.IndexOf("<h2 id=\"attention\">", StringComparison.Ordinal);
        var attention = s_html[start..s_html.IndexOf("<h2 id=\"run\">", StringComparison.Ordinal)];

        foreach (var id in new[] { "fail-gate", "missing-gate", "blind-gate", "warn-gate" })
        {
            Assert.Contains($"href=\"#gate-{id}\"", attention, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("href=\"#gate-pass-gate\"", attention, StringComparison.Ordinal);
        Assert.True(start < s_html.IndexOf("<h2 id=\"gates\">", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AllGreen_NothingNeedsAttention()
    {
        var html = HtmlReportWriter.Render(Reports.AllGreen());

        Assert.Contains("Nothing: every applicable gate passed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Contents_EveryLinkHasItsTarget()
    {
        var nav = s_html[s_html.IndexOf("<nav class=\"toc\">", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];

        var anchors = Href().Matches(nav).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("#attention", anchors);
        Assert.All(anchors, a => Assert.Contains($"id=\"{a[1..]}\"", s_html, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EveryTable_InAHorizontalScrollBox()
    {
        // A wide table scrolls inside its box instead of pushing the page wider than the screen.
        Assert.Equal(Regex.Count(s_html, "<table"), Regex.Count(s_html, "<div class=\"scroll\"><table"));
    }

    [Fact]
    public void Render_InputText_HtmlEncoded()
    {
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; | pipes", s_html, StringComparison.Ordinal);
        Assert.Contains("desc with &lt;b&gt;tags&lt;/b&gt;", s_html, StringComparison.Ordinal);
        Assert.Contains("malformed &lt;JSON&gt;", s_html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>tags", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Verdict_RedBannerWithReasons()
    {
        Assert.Contains("class=\"banner no-go\">NO-GO", s_html, StringComparison.Ordinal);
        Assert.Contains("gate &#39;fail-gate&#39; fail", s_html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("full", "go", "GO")]
    [InlineData("quick", "go", "GO")]
    public void Render_AllGreen_GreenBanner(string profile, string cssClass, string verdict)
    {
        var html = HtmlReportWriter.Render(Reports.AllGreen(profile));

        Assert.Contains($"class=\"banner {cssClass}\">{verdict}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WarnOnly_YellowBanner()
    {
        var html = HtmlReportWriter.Render(Reports.WarnOnly());

        Assert.Contains("class=\"banner go-with-warnings\">GO WITH WARNINGS", html, StringComparison.Ordinal);
        Assert.Contains(".go-with-warnings{background:#b7791f}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Meta_CommitDateMachineProfile()
    {
        Assert.Contains("0123abc", s_html, StringComparison.Ordinal);
        Assert.Contains("2026-11-22 13:00:00 UTC", s_html, StringComparison.Ordinal);
        Assert.Contains("build-box, TestOS 1.0, 4 cores", s_html, StringComparison.Ordinal);
        Assert.Contains("<td>Profile</td><td>full</td>", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Gates_EveryGateWithStatusAndCanarySensitivity()
    {
        foreach (var id in new[] { "pass-gate", "warn-gate", "fail-gate", "missing-gate", "skipped-gate", "blind-gate", "html-gate" })
        {
            Assert.Contains($"<code>{id}</code>", s_html, StringComparison.Ordinal);
        }

        Assert.Contains(">verified</span>", s_html, StringComparison.Ordinal);
        Assert.Contains(">insensitive</span>", s_html, StringComparison.Ordinal);
        Assert.Contains(">no canary</span>", s_html, StringComparison.Ordinal);
        Assert.Contains(">missing</span>", s_html, StringComparison.Ordinal);
        Assert.Contains("(not measured)", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Links_EvidenceCoverageAndLogsRelative()
    {
        Assert.Contains("href=\"../evidence/unit/pass.json\"", s_html, StringComparison.Ordinal);
        Assert.Contains("href=\"../coverage/index.html\"", s_html, StringComparison.Ordinal);
        Assert.Contains("href=\"../logs/unit.log\"", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sections_RisksTestsCoverageSuitesSignOff()
    {
        Assert.Contains("<h2 id=\"risks\">Risk register</h2>", s_html, StringComparison.Ordinal);
        Assert.Contains(">at_risk</span>", s_html, StringComparison.Ordinal);
        Assert.Contains(">untested</span>", s_html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"tests\">Tests by suite</h2>", s_html, StringComparison.Ordinal);
        Assert.Contains(">unreadable</span>", s_html, StringComparison.Ordinal);
        Assert.Contains("81.25", s_html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"suites\">Suites</h2>", s_html, StringComparison.Ordinal);
        Assert.Contains("12.5", s_html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"sign-off\">Sign-off</h2>", s_html, StringComparison.Ordinal);
        Assert.Contains("Reviewer name", s_html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithPrevious_ChangeTable()
    {
        var html = HtmlReportWriter.Render(Reports.Mixed(previous: Reports.AllGreen()));

        Assert.Contains("<h2 id=\"changes\">Change against the previous report</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>a</code></td><td>pass 1</td><td>(none)</td><td>removed</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>pass-gate</code></td><td>(none)</td><td>pass 0.95</td><td>new</td>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
