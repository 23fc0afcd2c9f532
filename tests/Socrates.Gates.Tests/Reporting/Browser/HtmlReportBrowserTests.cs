using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting.Browser;

/// <summary>
/// The generated gate-report.html in a real headless Chromium, at a phone's width up to a wide
/// screen: the page never scrolls sideways (wide tables scroll in their own box; on a phone the gates table becomes cards), the verdict is
/// on the first screen, one click from the banner (or the "Needs attention" list, for a red
/// gate whose failure the banner counts under another) shows a red gate's runbook, and nothing
/// is fetched beyond the file itself. Screenshots go to <c>evidence/unit/report-browser/</c>.
/// Without Chromium the tests skip, naming the install command; under CI they fail instead.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HtmlReportBrowserTests(ReportBrowserFixture fixture) : IClassFixture<ReportBrowserFixture>
{
    public static TheoryData<int, int> Screens => new() { { 360, 740 }, { 900, 700 }, { 1400, 900 }, { 1920, 1080 } };

    [Fact]
    public void GeneratedReport_MixedRun_HoldsRedInconclusiveWarnAndPass()
    {
        Assert.Equal("NO-GO", fixture.Report.Verdict);
        Assert.True(fixture.Report.RedGates.Count >= 2, "a failed gate and a missing one");
        Assert.Contains("inconclusive", fixture.Report.Statuses);
        Assert.Contains("warn", fixture.Report.Statuses);
        Assert.Contains("pass", fixture.Report.Statuses);
    }

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task Open_AtWidth_NoHorizontalOverflowAndVerdictOnFirstScreen(int width, int height)
    {
        await using var opened = await OpenAsync(width, height);
        var page = opened.Page;
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, $"report-{width}.png") });

        var overflow = await page.EvaluateAsync<JsonElement>(OverflowScript);
        var scrollWidth = overflow.GetProperty("scrollWidth").GetInt32();
        var clientWidth = overflow.GetProperty("clientWidth").GetInt32();
        Assert.True(scrollWidth <= clientWidth, $"at {width} px the page is {scrollWidth} px wide; sticking out: {overflow.GetProperty("offenders")}");

        var verdict = await page.EvaluateAsync<JsonElement>(VerdictScript);
        Assert.StartsWith(fixture.Report.Verdict, verdict.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(verdict.GetProperty("top").GetDouble() >= 0 && verdict.GetProperty("bottom").GetDouble() <= height, $"at {width}x{height} the verdict line is at {verdict}");

        opened.AssertNothingFetched();
    }

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task ClickFromBanner_EachRedGate_RunbookOnScreen(int width, int height)
    {
        await using var opened = await OpenAsync(width, height);
        var page = opened.Page;

        foreach (var gate in fixture.Report.RedGates)
        {
            Assert.NotNull(gate.Runbook);
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var anchor = $"a[href=\"#gate-{gate.Id}\"]";
            var link = page.Locator($".banner {anchor}, #attention + ol {anchor}").First;
            Assert.True(await link.CountAsync() > 0, $"no link to red gate '{gate.Id}' in the banner or the Needs attention list");

            await link.ClickAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Screenshots, $"report-{width}-{gate.Id}.png") });

            var runbook = page.Locator($"#gate-{gate.Id}").GetByText(gate.Runbook.Red).First;
            await Assertions.Expect(runbook).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Assertions.Expect(runbook).ToBeInViewportAsync(new() { Timeout = 5_000 });
            var box = await runbook.BoundingBoxAsync();
            Assert.True(box is { Width: >= 160 }, $"at {width} px the runbook of '{gate.Id}' is squeezed into {box?.Width} px");
            foreach (var (what, shown) in new[] { ("runbook", runbook), ("id", page.Locator($"#gate-{gate.Id} td").First) })
            {
                var covered = await shown.EvaluateAsync<string?>(CoveredScript);
                Assert.True(covered is null, $"at {width} px the {what} of '{gate.Id}' is under {covered}");
            }
        }

        opened.AssertNothingFetched();
    }

    [SkippableFact]
    public async Task Open_PhoneWidth_GatesAsCardsThatFitTheScreen()
    {
        await using var opened = await OpenAsync(360, 740);

        var table = await opened.Page.EvaluateAsync<JsonElement>("""
            () => {
              const box = document.querySelector('table.gates').closest('.scroll');
              const row = document.querySelector('table.gates tr.gate');
              return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, display: getComputedStyle(row).display };
            }
            """);

        Assert.Equal("block", table.GetProperty("display").GetString());
        Assert.True(table.GetProperty("scrollWidth").GetInt32() <= table.GetProperty("clientWidth").GetInt32(), $"at 360 px the gates table scrolls sideways in its box: {table}");
    }

    [SkippableFact]
    public async Task Open_SelfContainedFile_NoRequestBeyondTheFile()
    {
        await using var opened = await OpenAsync(1400, 900);

        await opened.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal([opened.Address], opened.Requests);
    }

    private async Task<OpenedReport> OpenAsync(int width, int height)
    {
        if (fixture.Missing is { } missing)
        {
            if (SystemChromium.Required)
            {
                Assert.Fail(missing + " (CI is set: the browser test must run)");
            }

            Skip.If(true, missing);
        }

        var context = await fixture.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var opened = new OpenedReport(context, await context.NewPageAsync(), new Uri(fixture.Report.HtmlPath).AbsoluteUri);
        await opened.Page.GotoAsync(opened.Address);
        return opened;
    }

    /// <summary>The page's width against the viewport's, and the first elements outside it that no scroll box holds.</summary>
    private const string OverflowScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const offenders = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && !e.parentElement.closest('.scroll'))
            .slice(0, 8)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''} right=${Math.round(e.getBoundingClientRect().right)}`);
          return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, offenders };
        }
        """;

    /// <summary>Where the banner's first line (the verdict) sits, without scrolling.</summary>
    private const string VerdictScript = """
        () => {
          const banner = document.querySelector('.banner');
          const range = document.createRange();
          range.selectNodeContents(banner.firstChild);
          const box = range.getBoundingClientRect();
          return { text: banner.firstChild.textContent.trim(), top: box.top, bottom: box.bottom };
        }
        """;

    /// <summary>What covers the element's first line (a sticky bar, say), or null when the element itself shows there.</summary>
    private const string CoveredScript = """
        e => {
          const box = e.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + Math.min(box.width / 2, 20), box.top + Math.min(box.height / 2, 8));
          return top && (e === top || e.contains(top)) ? null : (top ? top.outerHTML.slice(0, 120) : 'nothing');
        }
        """;

    /// <summary>A page on the report with every request it made.</summary>
    private sealed class OpenedReport : IAsyncDisposable
    {
        private readonly IBrowserContext _context;
        private readonly ConcurrentQueue<string> _requests = new();

        public OpenedReport(IBrowserContext context, IPage page, string address)
        {
            _context = context;
            Page = page;
            Address = address;
            page.Request += (_, request) => _requests.Enqueue(request.Url);
        }

        public IPage Page { get; }

        /// <summary>The report's file:// address.</summary>
        public string Address { get; }

        public IReadOnlyList<string> Requests => [.. _requests];

        public void AssertNothingFetched() => Assert.All(_requests, url => Assert.Equal(Address, url));

        public ValueTask DisposeAsync() => _context.DisposeAsync();
    }
}
