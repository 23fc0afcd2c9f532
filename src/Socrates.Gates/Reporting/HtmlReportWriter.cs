using System.Globalization;
using System.Net;
using System.Text;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Reporting.History;

namespace Socrates.Gates.Reporting;

/// <summary>
/// Renders <c>gate-report.html</c>: one self-contained file (inline CSS, no script, nothing
/// fetched), readable offline. Everything taken from inputs is HTML-encoded.
/// </summary>
internal static class HtmlReportWriter
{
    public const string FileName = "gate-report.html";

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:78em;padding:0 1em;color:#1b1b1b;overflow-wrap:break-word}
        h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
        .banner{padding:1em 1.4em;border-radius:.4em;font-size:1.6em;font-weight:700;color:#fff}
        .go{background:#1e7d32}.go-with-warnings{background:#b7791f}.no-go{background:#b42318}.inconclusive-run{background:#5b4a9e}
        .reasons{margin:.5em 0 0 0;font-size:.55em;font-weight:400}.reasons a{color:#fff}
        .banner details{font-size:.5em;font-weight:400;margin-top:.5em}
        .sensitivity{font-size:.6em;font-weight:600;margin-top:.4em}
        table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}
        th,td{border:1px solid #d0d0d0;padding:.35em .55em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:normal}td.num div{overflow-wrap:anywhere}
        .s{display:inline-block;padding:.05em .5em;border-radius:.8em;font-weight:600;font-size:.9em}
        .pass,.verified{background:#dcf5e0;color:#14532d}.warn{background:#fff3c4;color:#7a4d00}
        .fail,.missing,.insensitive,.at_risk{background:#fde2e0;color:#8a1c13}
        .skipped,.not_run,.no-canary,.untested{background:#eceff3;color:#3d4652}
        .inconclusive,.passing_unproven{background:#ece6fb;color:#3f2d85}
        tr:target{outline:2px solid #5b4a9e}tr.gate{scroll-margin-top:4.5em}
        table.gates td:nth-child(2){min-width:14em}
        .real-data{background:#dbeafe;color:#1e3a8a}
        .meta td:first-child{font-weight:600;width:12em}.muted{color:#666;font-size:.9em}
        pre.stack{margin:.2em 0;padding:.3em .5em;background:#f6f6f6;font-size:.8em;white-space:pre-wrap;overflow-wrap:anywhere}
        ul.check{list-style:none;padding-left:0}ul.check li{margin:.3em 0}
        .scroll{overflow-x:auto;max-width:100%}td{overflow-wrap:anywhere}
        .bar{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ddd;padding:.4em 0;font-weight:600}
        nav.toc{font-size:.92em;margin:.6em 0;display:flex;flex-wrap:wrap}nav.toc a{margin-right:.9em;white-space:nowrap}
        .filters{margin:.4em 0;font-size:.92em}.filters label{margin-right:.9em;white-space:nowrap}
        body:has(#show-red:checked) tr.gate:not(.attention){display:none}
        body:has(#show-warn:checked) tr.gate:not(.attention):not(.warn-row){display:none}
        @media (max-width:60em){.wide,.bar .muted{display:none}body{margin:1em auto}.banner{font-size:1.25em}}
        @media (max-width:40em){table.gates,table.gates tbody,table.gates tr,table.gates td{display:block}
        table.gates tr:first-child{display:none}table.gates tr.gate{border:1px solid #ddd;border-radius:.4em;margin:.6em 0;padding:.3em .5em}
        table.gates td{border:none;padding:.15em 0;text-align:left}table.gates td:nth-child(2){min-width:0}
        table.gates td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:#555}
        table.gates td.wide,table.gates td:empty{display:none}}
        """;

    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>");
        h.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.AppendLine(Inv($"<title>Gate report: {E(report.Verdict)} ({E(report.Profile)})</title>"));
        h.AppendLine(Inv($"<style>{Style}</style></head><body>"));
        h.AppendLine("<h1>Gate report</h1>");

        WriteBanner(h, report);
        WriteBar(h, report);
        WriteContents(h, report);
        WriteAttention(h, report);
        WriteDrifting(h, report);

        h.AppendLine("<h2 id=\"run\">Run</h2>");
        h.AppendLine("<div class=\"scroll\"><table class=\"meta\">");
        Meta(h, "Commit", report.Commit);
        Meta(h, "Generated (UTC)", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Meta(h, "Machine", $"{report.Machine.Name}, {report.Machine.Os}, {report.Machine.Cores} cores");
        Meta(h, "Profile", report.Profile);
        Meta(h, "Gates file", report.GatesFile);
        var s = report.Summary;
        Meta(h, "Gates", $"{s.Pass} pass, {s.Warn} warn, {s.Fail} fail, {s.Missing} missing, {s.Inconclusive} inconclusive, {s.Skipped} skipped");
        Meta(h, "Canaries", $"{s.CanariesVerified} verified, {s.CanariesInsensitive} insensitive, {s.CanariesInconclusive} inconclusive, {s.CanariesNotRun} not run, {s.GatesWithoutCanary} gates without a canary"
            + (report.CanariesExpected ? " (canaries expected in this run)" : ""));
        Meta(h, "Evidence", $"{report.Evidence.Count} files read, each with its SHA-256 (see Evidence below; verify-evidence re-checks them)");
        h.AppendLine("</table></div>");

        WriteRehearsal(h, report);
        WriteSuites(h, report);
        WriteGates(h, report);
        WriteSections(h, report);
        WriteRisks(h, report);
        WriteTests(h, report);
        WriteCoverage(h, report);
        WriteChanges(h, report);
        WriteProblems(h, report);
        WriteEvidence(h, report);
        WriteSignOff(h, report);

        h.AppendLine("</body></html>");
        return h.ToString();
    }

    /// <summary>The verdict, the count of problems by cause with a link to each gate's row, and how many gates were proven sensitive.</summary>
    private static void WriteBanner(StringBuilder h, GateReport report)
    {
        var headline = ReportWords.Headline(report);
        h.AppendLine(Inv($"<div class=\"banner {VerdictClass(report.Verdict)}\">{E(report.Verdict)}{(headline.Length == 0 ? "" : ": " + E(headline))}"));
        if (report.Causes.Count > 0)
        {
            h.AppendLine("<ul class=\"reasons\">");
            foreach (var cause in report.Causes)
            {
                var text = cause.Gate is null ? E(cause.Text) : Inv($"<a href=\"#{E(ReportGate.Anchor(cause.Gate))}\">{E(cause.Text)}</a>");
                h.AppendLine(Inv($"<li>{E(cause.Kind)}: {text}</li>"));
            }

            h.AppendLine("</ul>");
        }

        h.AppendLine(Inv($"<div class=\"sensitivity\">{E(report.Summary.Sensitivity)}</div>"));
        if (report.VerdictReasons.Count > 0)
        {
            h.AppendLine(Inv($"<details><summary>All {report.VerdictReasons.Count} verdict reasons</summary><ul>"));
            foreach (var reason in report.VerdictReasons)
            {
                h.AppendLine(Inv($"<li>{E(reason)}</li>"));
            }

            h.AppendLine("</ul></details>");
        }

        h.AppendLine("</div>");
    }

    /// <summary>One line that stays on screen while scrolling: the verdict and the counts.</summary>
    private static void WriteBar(StringBuilder h, GateReport report)
    {
        var s = report.Summary;
        h.AppendLine(Inv($"<div class=\"bar\">{Chip(VerdictClass(report.Verdict), report.Verdict)} {s.Fail + s.Missing} red, {s.CanariesInsensitive} insensitive, {s.Inconclusive} inconclusive, {s.Warn} warn, {s.Pass} pass <span class=\"muted\">&middot; {E(s.Sensitivity)}</span></div>"));
    }

    private static void WriteContents(StringBuilder h, GateReport report)
    {
        var entries = new List<(string Anchor, string Text)> { ("attention", "Needs attention"), ("run", "Run") };
        if (report.RehearsedOn.Count > 0)
        {
            entries.Add(("rehearsed-on", "Rehearsed on"));
        }

        entries.AddRange([("suites", "Suites"), ("gates", "Gates")]);
        entries.AddRange(report.Sections.Where(x => x.Html is not null).Select(x => ("section-" + x.Name, x.Name)));
        entries.AddRange([("risks", "Risks"), ("tests", "Tests"), ("coverage", "Coverage"), ("changes", "Changes"), ("problems", "Input problems"), ("evidence", "Evidence"), ("sign-off", "Sign-off")]);
        h.AppendLine("<nav class=\"toc\">" + string.Concat(entries.Select(e => Inv($"<a href=\"#{E(e.Anchor)}\">{E(e.Text)}</a>"))) + "</nav>");
    }

    /// <summary>
    /// The gates a release manager must act on, worst first (red, insensitive canary, inconclusive,
    /// then warnings), each with what it measured against which line, why, and what wrote it.
    /// </summary>
    private static void WriteAttention(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"attention\">Needs attention</h2>");
        var gates = GateOrder.Attention(report);
        if (gates.Count == 0)
        {
            h.AppendLine("<p class=\"muted\">Nothing: every applicable gate passed and was proven sensitive in this run.</p>");
            return;
        }

        h.AppendLine("<ol>");
        foreach (var g in gates)
        {
            var what = g.Canary.Status is CanaryStatus.Insensitive or CanaryStatus.NotRun && g.Status is GateStatus.Pass or GateStatus.Warn
                ? Inv($"{Chip(ReportWords.Of(g.Canary.Status), "canary " + ReportWords.Of(g.Canary.Status))} {E(ReportWords.Canary(g.Canary))}")
                : Inv($"{Chip(ReportWords.Of(g.Status), ReportWords.Of(g.Status))} {E(ReportWords.Value(g))} against fail {E(NumberFormat.Of(g.Fail))}{(g.Warn is null ? "" : ", warn " + E(NumberFormat.Of(g.Warn)))}: {E(g.Reason)}");
            h.AppendLine(Inv($"<li><a href=\"#{E(ReportGate.Anchor(g.Id))}\"><strong>{E(g.Title)}</strong></a> <code>{E(g.Id)}</code><div>{what}</div>"));
            if (g.FailedTests.Count > 0)
            {
                h.AppendLine(Inv($"<div class=\"muted\">failed: {string.Join(", ", g.FailedTests.Select(t => Inv($"<code>{E(t)}</code>")))}</div>"));
            }

            if (g.Description is not null)
            {
                h.AppendLine(Inv($"<div class=\"muted\">{E(g.Description)}</div>"));
            }

            h.AppendLine(RunbookHtml(g.Runbook));
            h.AppendLine(Reproduce(g));
            h.AppendLine("</li>");
        }

        h.AppendLine("</ol>");
    }

    private static void WriteDrifting(StringBuilder h, GateReport report)
    {
        var drifting = report.Gates.Where(g => g.Trend?.Drifting == true).ToList();
        if (drifting.Count == 0)
        {
            return;
        }

        var items = drifting.Select(g => Inv($"<a href=\"#{E(ReportGate.Anchor(g.Id))}\">{E(g.Title)}</a> {Sparkline.Svg(g.Trend!, g.Fail, g.Warn)}"));
        h.AppendLine(Inv($"<p><strong>Drifting toward the line</strong> (green now; each of the last {GateTrend.DriftRuns} runs closer to fail, margin halved): {string.Join(", ", items)}</p>"));
    }

    /// <summary>What red means for the release and where to look first.</summary>
    private static string RunbookHtml(Config.Runbook? runbook) => runbook is null
        ? ""
        : Inv($"<div>if red: {E(runbook.Red)}</div><div>look first at:</div><ul>{string.Concat(runbook.Causes.Select(c => Inv($"<li>{E(c)}</li>")))}</ul>");

    /// <summary>The commands that rerun the gate's evidence alone, and with its canary on.</summary>
    private static string Reproduce(ReportGate g) =>
        (g.Reproduce is null ? "" : Inv($"<div>reproduce: <code>{E(g.Reproduce)}</code></div>"))
        + (g.ReproduceCanary is null ? "" : Inv($"<div>with its canary: <code>{E(g.ReproduceCanary)}</code></div>"));

    private static void WriteEvidence(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"evidence\">Evidence</h2>");
        if (report.Evidence.Count == 0)
        {
            h.AppendLine("<p class=\"muted\">No file read.</p>");
            return;
        }

        h.AppendLine(Inv($"<p>{report.Evidence.Count} files read, relative to the artifacts root <code>{E(report.ArtifactsRoot)}</code>. <code>verify-evidence --report gate-report.json</code> recomputes every checksum.</p>"));
        h.AppendLine(Inv($"<details><summary>{report.Evidence.Count} files with size and SHA-256</summary>"));
        h.AppendLine("<div class=\"scroll\"><table><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>");
        foreach (var file in report.Evidence)
        {
            h.AppendLine(Inv($"<tr><td>{Link(ReportWords.EvidenceLink(report, file.Path), file.Path)}</td><td class=\"num\">{file.Bytes}</td><td><code>{E(file.Sha256)}</code></td></tr>"));
        }

        h.AppendLine("</table></div></details>");
    }

    private static void WriteSections(StringBuilder h, GateReport report)
    {
        foreach (var section in report.Sections.Where(s => s.Html is not null))
        {
            h.AppendLine(Inv($"<section id=\"section-{E(section.Name)}\">"));
            h.AppendLine(section.Html);
            h.AppendLine("</section>");
        }
    }

    private static void WriteSuites(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"suites\">Suites</h2>");
        if (report.Suites.Count == 0)
        {
            h.AppendLine("<p class=\"muted\">No suite runs recorded (suites.json absent).</p>");
            return;
        }

        h.AppendLine("<div class=\"scroll\"><table><tr><th>Suite</th><th>Status</th><th>Exit code</th><th>Duration (s)</th><th>Log</th></tr>");
        foreach (var suite in report.Suites)
        {
            var statusClass = suite.Status switch { "passed" => "pass", "failed" => "fail", _ => "skipped" };
            h.AppendLine(Inv($"<tr><td>{E(suite.Suite)}</td><td>{Chip(statusClass, suite.Status)}</td><td class=\"num\">{E(suite.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "")}</td><td class=\"num\">{E(NumberFormat.Of(suite.DurationSeconds))}</td><td>{Link(suite.Log)}</td></tr>"));
        }

        h.AppendLine("</table></div>");
    }

    private static void WriteGates(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"gates\">Gates</h2>");
        h.AppendLine("<div class=\"filters\">Show: <label><input type=\"radio\" name=\"show\" id=\"show-all\" checked> all</label><label><input type=\"radio\" name=\"show\" id=\"show-warn\"> needing attention or warning</label><label><input type=\"radio\" name=\"show\" id=\"show-red\"> needing attention</label></div>");
        h.AppendLine("<p class=\"muted\">Worst first: red, insensitive, inconclusive, warn, pass, skipped.</p>");
        h.AppendLine("<div class=\"scroll\"><table class=\"gates\"><tr><th>Gate</th><th>Title</th><th>Measured</th><th>Fail</th><th>Warn</th><th class=\"wide\">Direction</th><th>Status</th><th>Canary</th><th class=\"wide\">Evidence</th></tr>");
        var attention = GateOrder.Attention(report).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var g in GateOrder.WorstFirst(report))
        {
            var canaryClass = g.Canary.Status == CanaryStatus.None ? "no-canary" : ReportWords.Of(g.Canary.Status);
            var canary = Chip(canaryClass, ReportWords.Of(g.Canary.Status));
            if (g.Canary.Status != CanaryStatus.None)
            {
                canary += Inv($"<div class=\"muted\">{E(ReportWords.Canary(g.Canary))}</div>");
            }

            var title = E(g.Title) + (g.RealData ? " " + Chip("real-data", "real data") : "")
                + (g.Description is null ? "" : Inv($"<details class=\"muted\"><summary>why this line</summary>{E(g.Description)}</details>"));
            var measured = E(ReportWords.Value(g)) + Inv($"<div class=\"muted\">{E(g.Metric)}</div>");
            var status = Chip(ReportWords.Of(g.Status), ReportWords.Of(g.Status)) + Inv($"<div class=\"muted\">{E(g.Reason)}</div>");
            if (g.FailedTests.Count > 0)
            {
                var also = g.AlsoRed.Count > 0 ? $" (also turned {string.Join(", ", g.AlsoRed)} red: one cause)" : "";
                status += Inv($"<div class=\"muted\">its test failed: {string.Join(", ", g.FailedTests.Select(t => Inv($"<code>{E(t)}</code>")))}{E(also)}</div>");
            }

            if (g.Test is not null)
            {
                measured += Inv($"<div class=\"muted\">written by <code>{E(g.Test)}</code></div>");
            }

            if (g.Trend is { } trend)
            {
                measured += Sparkline.Svg(trend, g.Fail, g.Warn) + (trend.Drifting ? " " + Chip("warn", "drifting toward the line") : "");
            }

            if (g.Reproduce is not null || g.Runbook is not null)
            {
                // Open on a red row: a link to it from the banner shows what to do in one click.
                var open = g.Status is GateStatus.Fail or GateStatus.Missing ? " open" : "";
                title += Inv($"<details class=\"muted\"{open}><summary>runbook</summary>{RunbookHtml(g.Runbook)}{Reproduce(g)}</details>");
            }

            var rowClass = "gate" + (attention.Contains(g.Id) ? " attention" : "") + (g.Status == GateStatus.Warn ? " warn-row" : "");
            h.AppendLine(Inv($"<tr id=\"{E(ReportGate.Anchor(g.Id))}\" class=\"{rowClass}\"><td><code>{E(g.Id)}</code></td><td>{title}</td><td class=\"num\" data-label=\"Measured\">{measured}</td><td class=\"num\" data-label=\"Fail\">{E(NumberFormat.Of(g.Fail))}</td><td class=\"num\" data-label=\"Warn\">{E(NumberFormat.Of(g.Warn))}</td><td class=\"wide\">{E(ReportWords.Of(g.Direction))}</td><td data-label=\"Status\">{status}</td><td data-label=\"Canary\">{canary}</td><td class=\"wide\">{Link(g.Evidence)}</td></tr>"));
        }

        h.AppendLine("</table></div>");
    }

    /// <summary>The user's own V1 database the migration gates ran on, and which gates those are.</summary>
    private static void WriteRehearsal(StringBuilder h, GateReport report)
    {
        if (report.RehearsedOn.Count == 0)
        {
            return;
        }

        h.AppendLine("<h2 id=\"rehearsed-on\">Rehearsed on</h2>");
        foreach (var r in report.RehearsedOn)
        {
            h.AppendLine("<div class=\"scroll\"><table class=\"meta\">");
            Meta(h, "V1 database", r.Path);
            Meta(h, "Size", Inv($"{r.Bytes} bytes"));
            Meta(h, "SHA-256 before", r.Sha256);
            Meta(h, "SHA-256 after", r.Sha256After);
            h.AppendLine(Inv($"<tr><td>Source</td><td>{(r.SourceUnchanged ? Chip("pass", "unchanged") : Chip("fail", "CHANGED"))} checked by {r.Checks} test(s) before and after{(r.ChangedBy.Count == 0 ? "" : ": " + E(string.Join("; ", r.ChangedBy)))}</td></tr>"));
            var gates = r.Gates.Count == 0 ? "none" : string.Join(", ", r.Gates.Select(g => Inv($"<a href=\"#{E(ReportGate.Anchor(g))}\"><code>{E(g)}</code></a>")));
            h.AppendLine(Inv($"<tr><td>Gates on this data</td><td>{gates}</td></tr>"));
            h.AppendLine("</table></div>");
        }

        h.AppendLine("<p class=\"muted\">Each test worked on a copy; every gate not listed here (and not marked real data) was decided on generated data.</p>");
    }

    private static void WriteRisks(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"risks\">Risk register</h2>");
        h.AppendLine("<div class=\"scroll\"><table><tr><th>Risk</th><th>Title</th><th>Severity</th><th>Status</th><th>Gates</th></tr>");
        foreach (var r in report.Risks)
        {
            var status = Chip(ReportWords.Key(r.Status), ReportWords.Of(r.Status)) + (r.HasWarnings ? " " + Chip("warn", "with warnings") : "");
            var gates = r.Gates.Count == 0 ? "<span class=\"muted\">no gate in this profile</span>" : string.Join(", ", r.Gates.Select(id => Inv($"<a href=\"#{E(ReportGate.Anchor(id))}\"><code>{E(id)}</code></a>")));
            var title = E(r.Title) + (r.Runbook is null ? "" : Inv($"<details class=\"muted\" {(r.Status == Evaluation.RiskStatus.AtRisk ? "open" : "")}><summary>runbook</summary>{RunbookHtml(r.Runbook)}</details>"));
            h.AppendLine(Inv($"<tr><td><code>{E(r.Id)}</code></td><td>{title}</td><td>{E(ReportWords.Of(r.Severity))}</td><td>{status}</td><td>{gates}</td></tr>"));
        }

        h.AppendLine("</table></div>");
    }

    private static void WriteTests(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"tests\">Tests by suite</h2>");
        if (report.Tests.Count == 0)
        {
            h.AppendLine("<p class=\"muted\">No test results found (test-results/*.trx).</p>");
            return;
        }

        h.AppendLine("<div class=\"scroll\"><table><tr><th>Suite</th><th>Total</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Results</th></tr>");
        foreach (var t in report.Tests)
        {
            var failed = t.Error is null ? E(t.Failed.ToString(CultureInfo.InvariantCulture)) : Inv($"{t.Failed} {Chip("fail", "unreadable")}<div class=\"muted\">{E(t.Error)}</div>");
            h.AppendLine(Inv($"<tr><td>{E(t.Suite)}</td><td class=\"num\">{t.Total}</td><td class=\"num\">{t.Passed}</td><td class=\"num\">{failed}</td><td class=\"num\">{t.Skipped}</td><td>{Link(t.Source)}</td></tr>"));
        }

        h.AppendLine("</table></div>");
        var failedTests = report.Tests.SelectMany(t => t.FailedTests.Select(f => (t.Suite, Test: f))).ToList();
        if (failedTests.Count == 0)
        {
            return;
        }

        h.AppendLine("<h3>Failed tests</h3><ul>");
        foreach (var (suite, f) in failedTests)
        {
            var message = f.Message is null ? "" : Inv($"<div class=\"muted\">{E(f.Message)}</div>");
            if (f.StackFrames.Count > 0)
            {
                message += Inv($"<pre class=\"stack\">{E(string.Join('\n', f.StackFrames))}</pre>");
            }

            if (f.Replay is not null)
            {
                message += Inv($"<div>replay: <code>{E(f.Replay)}</code></div>");
            }

            var tied = f.Gates.Count == 0 ? "" : " wrote the figure of " + string.Join(", ", f.Gates.Select(id => Inv($"<a href=\"#{E(ReportGate.Anchor(id))}\"><code>{E(id)}</code></a>")));
            h.AppendLine(Inv($"<li>{E(suite)}: <code>{E(f.Name)}</code> {Chip("fail", f.Outcome)}{tied}{message}</li>"));
        }

        h.AppendLine("</ul>");
    }

    private static void WriteCoverage(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"coverage\">Coverage</h2>");
        if (report.Coverage is not { } c)
        {
            h.AppendLine("<p class=\"muted\">No coverage summary found (coverage/Summary.json).</p>");
            return;
        }

        h.AppendLine("<div class=\"scroll\"><table><tr><th>Line %</th><th>Branch %</th><th>Method %</th><th>Report</th></tr>");
        var full = c.Html is null ? Link(c.Summary) : Link(c.Html, "full coverage report");
        h.AppendLine(Inv($"<tr><td class=\"num\">{E(NumberFormat.Of(c.Line))}</td><td class=\"num\">{E(NumberFormat.Of(c.Branch))}</td><td class=\"num\">{E(NumberFormat.Of(c.Method))}</td><td>{full}</td></tr>"));
        h.AppendLine("</table></div>");
    }

    private static void WriteChanges(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"changes\">Change against the previous report</h2>");
        if (report.Previous is null)
        {
            h.AppendLine("<p class=\"muted\">No previous report.</p>");
            return;
        }

        var p = report.Previous;
        h.AppendLine(Inv($"<p>Previous: {E(p.Verdict ?? "?")}, commit {E(p.Commit ?? "?")}, {E(p.GeneratedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "?")} <span class=\"muted\">({E(p.Source)})</span></p>"));
        h.AppendLine("<div class=\"scroll\"><table><tr><th>Gate</th><th>Previous</th><th>Now</th><th>Change</th></tr>");
        foreach (var c in report.Changes)
        {
            var before = c.PreviousStatus is null ? "(none)" : $"{ReportWords.Of(c.PreviousStatus.Value)} {NumberFormat.Of(c.PreviousValue)}".TrimEnd();
            var now = c.CurrentStatus is null ? "(none)" : $"{ReportWords.Of(c.CurrentStatus.Value)} {NumberFormat.Of(c.CurrentValue)}".TrimEnd();
            h.AppendLine(Inv($"<tr><td><code>{E(c.Gate)}</code></td><td>{E(before)}</td><td>{E(now)}</td><td>{E(c.Change)}</td></tr>"));
        }

        h.AppendLine("</table></div>");
    }

    private static void WriteProblems(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"problems\">Input problems</h2>");
        if (report.Problems.Count == 0)
        {
            h.AppendLine("<p class=\"muted\">None.</p>");
            return;
        }

        h.AppendLine("<ul>");
        foreach (var problem in report.Problems)
        {
            h.AppendLine(Inv($"<li><code>{E(problem.Source)}</code>: {E(problem.Message)}</li>"));
        }

        h.AppendLine("</ul>");
    }

    private static void WriteSignOff(StringBuilder h, GateReport report)
    {
        h.AppendLine("<h2 id=\"sign-off\">Sign-off</h2><ul class=\"check\">");
        foreach (var item in report.SignOff)
        {
            var box = item.Done switch { true => "&#9745;", false => "&#9744;", null => "&#9998;" };
            var detail = item.Detail is null ? "" : Inv($" <span class=\"muted\">({E(item.Detail)})</span>");
            h.AppendLine(Inv($"<li>{box} {E(item.Item)}{detail}</li>"));
        }

        h.AppendLine("</ul>");
    }

    private static void Meta(StringBuilder h, string label, string value) => h.AppendLine(Inv($"<tr><td>{E(label)}</td><td>{E(value)}</td></tr>"));

    private static string Chip(string cssClass, string text) => Inv($"<span class=\"s {E(cssClass)}\">{E(text)}</span>");

    /// <summary>A link to a relative path; anything that looks like a URL with a scheme is shown, not linked.</summary>
    private static string Link(string? path, string? text = null)
    {
        if (path is null)
        {
            return "";
        }

        return path.Contains(':', StringComparison.Ordinal)
            ? Inv($"<code>{E(text ?? path)}</code>")
            : Inv($"<a href=\"{E(Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal))}\">{E(text ?? path)}</a>");
    }

    private static string VerdictClass(string verdict) => verdict switch
    {
        VerdictText.Go => "go",
        VerdictText.GoWithWarnings => "go-with-warnings",
        VerdictText.Inconclusive => "inconclusive-run",
        _ => "no-go",
    };

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
