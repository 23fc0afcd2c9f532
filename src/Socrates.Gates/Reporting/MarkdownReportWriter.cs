using System.Globalization;
using System.Text;
using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>
/// Renders <c>gate-report.md</c>: the HTML report's content as Markdown, for a PR comment. What
/// needs attention comes first and passing gates are folded away; files are named as code,
/// relative to the run folder, because a relative link breaks once the text is pasted elsewhere.
/// </summary>
internal static class MarkdownReportWriter
{
    public const string FileName = "gate-report.md";

    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = new StringBuilder();
        var mark = report.Verdict switch { VerdictText.Go => "🟢", VerdictText.GoWithWarnings => "🟡", VerdictText.Inconclusive => "🟣", _ => "🔴" };
        var headline = ReportWords.Headline(report);
        Line(m, $"## {mark} Gate report: **{E(report.Verdict)}**{(headline.Length == 0 ? "" : ": " + E(headline))}");
        Line(m);
        foreach (var cause in report.Causes)
        {
            Line(m, cause.Gate is null ? $"- {cause.Kind}: {E(cause.Text)}" : $"- {cause.Kind}: [{E(cause.Text)}](#{ReportGate.Anchor(cause.Gate)})");
        }

        if (report.Causes.Count > 0)
        {
            Line(m);
        }

        Line(m, $"**{E(report.Summary.Sensitivity)}**");
        Line(m);
        if (report.VerdictReasons.Count > 0)
        {
            Line(m, $"<details><summary>All {report.VerdictReasons.Count} verdict reasons</summary>");
            Line(m);
            foreach (var reason in report.VerdictReasons)
            {
                Line(m, $"- {E(reason)}");
            }

            Line(m);
            Line(m, "</details>");
            Line(m);
        }

        var s = report.Summary;
        Line(m, $"Profile **{E(report.Profile)}** · commit `{Code(report.Commit)}` · {report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC · "
            + $"{E(report.Machine.Name)} ({E(report.Machine.Os)}, {report.Machine.Cores} cores)");
        Line(m);
        Line(m, $"Gates: {s.Pass} pass, {s.Warn} warn, {s.Fail} fail, {s.Missing} missing, {s.Inconclusive} inconclusive, {s.Skipped} skipped. "
            + $"Canaries: {s.CanariesVerified} verified, {s.CanariesInsensitive} insensitive, {s.CanariesInconclusive} inconclusive, {s.CanariesNotRun} not run, {s.GatesWithoutCanary} without a canary.");
        Line(m);

        Rehearsal(m, report);
        var attention = GateOrder.Attention(report);
        Line(m, "### Needs attention");
        Line(m);
        if (attention.Count == 0)
        {
            Line(m, "Nothing: every applicable gate passed and was proven sensitive in this run.");
        }

        foreach (var g in attention)
        {
            Line(m, $"- [**{E(g.Title)}**](#{ReportGate.Anchor(g.Id)}) `{Code(g.Id)}`: {ReportWords.Of(g.Status)}, {E(ReportWords.Value(g))} against fail {NumberFormat.Of(g.Fail)}"
                + (g.Warn is null ? "" : $", warn {NumberFormat.Of(g.Warn)}") + $"; canary {ReportWords.Of(g.Canary.Status)}. {E(g.Reason)}"
                + (g.FailedTests.Count == 0 ? "" : $" Failed: {E(string.Join(", ", g.FailedTests))}."));
            if (g.Runbook is { } runbook)
            {
                Line(m, $"  - if red: {E(runbook.Red)} Look first at: {E(string.Join("; ", runbook.Causes))}.");
            }

            if (g.Reproduce is not null)
            {
                Line(m, $"  - reproduce: `{Code(g.Reproduce)}`");
            }

            if (g.ReproduceCanary is not null)
            {
                Line(m, $"  - with its canary: `{Code(g.ReproduceCanary)}`");
            }
        }

        Line(m);
        Line(m, "### Gates");
        Line(m);
        Line(m, "Worst first. Files are relative to the run folder (the one holding `gates/`).");
        Line(m);
        var worstFirst = GateOrder.WorstFirst(report);
        var ids = attention.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        GateTable(m, report, worstFirst.Where(g => ids.Contains(g.Id)).ToList());
        var rest = worstFirst.Where(g => !ids.Contains(g.Id)).ToList();
        if (rest.Count > 0)
        {
            Line(m);
            Line(m, $"<details><summary>{rest.Count} passing or skipped gates</summary>");
            Line(m);
            GateTable(m, report, rest);
            Line(m);
            Line(m, "</details>");
        }

        foreach (var section in report.Sections.Where(s => s.Markdown is not null))
        {
            Line(m);
            Line(m, section.Markdown!.TrimEnd());
        }

        Line(m);
        Line(m, "### Risk register");
        Line(m);
        Line(m, "| Risk | Title | Severity | Status | Gates |");
        Line(m, "|---|---|---|---|---|");
        foreach (var r in report.Risks)
        {
            var gates = r.Gates.Count == 0 ? "—" : string.Join(", ", r.Gates.Select(id => $"`{Code(id)}`"));
            Line(m, $"| `{Code(r.Id)}` | {E(r.Title)} | {ReportWords.Of(r.Severity)} | {ReportWords.Of(r.Status)}{(r.HasWarnings ? " (with warnings)" : "")} | {gates} |");
        }

        if (report.Suites.Count > 0)
        {
            Line(m);
            Line(m, "### Suites");
            Line(m);
            Line(m, "| Suite | Status | Exit code | Duration (s) | Log |");
            Line(m, "|---|---|---:|---:|---|");
            foreach (var run in report.Suites)
            {
                Line(m, $"| {E(run.Suite)} | {E(run.Status)} | {run.ExitCode?.ToString(CultureInfo.InvariantCulture)} | {NumberFormat.Of(run.DurationSeconds)} | {RunFile(report, run.Log)} |");
            }
        }

        Line(m);
        Line(m, "### Tests by suite");
        Line(m);
        if (report.Tests.Count == 0)
        {
            Line(m, "No test results found.");
        }
        else
        {
            Line(m, "| Suite | Total | Passed | Failed | Skipped | Results |");
            Line(m, "|---|---:|---:|---:|---:|---|");
            foreach (var t in report.Tests)
            {
                var failed = t.Error is null ? t.Failed.ToString(CultureInfo.InvariantCulture) : $"{t.Failed} (unreadable: {E(t.Error)})";
                Line(m, $"| {E(t.Suite)} | {t.Total} | {t.Passed} | {failed} | {t.Skipped} | {RunFile(report, t.Source)} |");
            }

            var failedTests = report.Tests.SelectMany(t => t.FailedTests.Select(f => (t.Suite, Test: f))).ToList();
            if (failedTests.Count > 0)
            {
                Line(m);
                Line(m, "Failed tests:");
                Line(m);
                foreach (var (suite, f) in failedTests)
                {
                    var tied = f.Gates.Count == 0 ? "" : " wrote the figure of " + string.Join(", ", f.Gates.Select(id => $"[`{Code(id)}`](#{ReportGate.Anchor(id)})"));
                    Line(m, $"- {E(suite)}: `{Code(f.Name)}` ({E(f.Outcome)}){tied}" + (f.Message is null ? "" : $": {E(f.Message)}"));
                    foreach (var frame in f.StackFrames)
                    {
                        Line(m, $"  - `{Code(frame)}`");
                    }

                    if (f.Replay is not null)
                    {
                        Line(m, $"  - replay: `{Code(f.Replay)}`");
                    }
                }
            }
        }

        Line(m);
        Line(m, "### Coverage");
        Line(m);
        Line(m, report.Coverage is { } c
            ? $"Line {NumberFormat.Of(c.Line)} %, branch {NumberFormat.Of(c.Branch)} %, method {NumberFormat.Of(c.Method)} % — {RunFile(report, c.Html ?? c.Summary)}"
            : "No coverage summary found.");

        if (report.Previous is { } p)
        {
            Line(m);
            Line(m, $"### Change against the previous report ({E(p.Verdict ?? "?")}, commit `{Code(p.Commit ?? "?")}`)");
            Line(m);
            Line(m, "| Gate | Previous → now | Change |");
            Line(m, "|---|---|---|");
            foreach (var change in report.Changes)
            {
                Line(m, $"| `{Code(change.Gate)}` | {E(ReportComparer.Describe(change))} | {change.Change} |");
            }
        }

        if (report.Problems.Count > 0)
        {
            Line(m);
            Line(m, "### Input problems");
            Line(m);
            foreach (var problem in report.Problems)
            {
                Line(m, $"- `{Code(problem.Source)}`: {E(problem.Message)}");
            }
        }

        Line(m);
        Line(m, "### Evidence");
        Line(m);
        Line(m, $"{report.Evidence.Count} files read, each recorded with its size and SHA-256 (relative to the artifacts root `{Code(report.ArtifactsRoot)}`; `verify-evidence` re-checks them).");
        if (report.Evidence.Count > 0)
        {
            Line(m);
            Line(m, $"<details><summary>{report.Evidence.Count} files</summary>");
            Line(m);
            Line(m, "| File | Bytes | SHA-256 |");
            Line(m, "|---|---:|---|");
            foreach (var file in report.Evidence)
            {
                Line(m, $"| `{Code(file.Path)}` | {file.Bytes} | `{file.Sha256}` |");
            }

            Line(m);
            Line(m, "</details>");
        }

        Line(m);
        Line(m, "### Sign-off");
        Line(m);
        foreach (var item in report.SignOff)
        {
            var box = item.Done == true ? "[x]" : "[ ]";
            Line(m, $"- {box} {E(item.Item)}{(item.Detail is null ? "" : $" ({E(item.Detail)})")}");
        }

        return m.ToString();
    }

    /// <summary>The user's own V1 database the migration gates ran on, and which gates those are.</summary>
    private static void Rehearsal(StringBuilder m, GateReport report)
    {
        foreach (var r in report.RehearsedOn)
        {
            Line(m, "### Rehearsed on");
            Line(m);
            Line(m, $"- V1 database: `{Code(r.Path)}`, {r.Bytes} bytes");
            Line(m, $"- SHA-256 before: `{r.Sha256}`, after: `{r.Sha256After}`: "
                + (r.SourceUnchanged ? $"**unchanged** (checked by {r.Checks} test(s))" : $"**CHANGED** ({E(string.Join("; ", r.ChangedBy))})"));
            Line(m, $"- Gates on this data: {(r.Gates.Count == 0 ? "none" : string.Join(", ", r.Gates.Select(g => $"[`{Code(g)}`](#{ReportGate.Anchor(g)})")))}");
            Line(m);
        }

        if (report.RehearsedOn.Count > 0)
        {
            Line(m, "Every other gate was decided on generated data.");
            Line(m);
        }
    }

    private static void GateTable(StringBuilder m, GateReport report, List<ReportGate> gates)
    {
        if (gates.Count == 0)
        {
            return;
        }

        Line(m, "| Gate | Title | Measured | Fail | Warn | Dir | Status | Canary | Evidence |");
        Line(m, "|---|---|---:|---:|---:|---|---|---|---|");
        foreach (var g in gates)
        {
            var canary = g.Canary.Status == CanaryStatus.None ? "no canary" : $"{ReportWords.Of(g.Canary.Status)} ({E(ReportWords.Canary(g.Canary))})";
            var tied = g.FailedTests.Count == 0 ? ""
                : $"; its test failed: {E(string.Join(", ", g.FailedTests))}" + (g.AlsoRed.Count > 0 ? $" (also turned {E(string.Join(", ", g.AlsoRed))} red: one cause)" : "");
            Line(m, $"| <a id=\"{ReportGate.Anchor(g.Id)}\"></a>`{Code(g.Id)}` | {E(g.Title)}{(g.RealData ? " **(real data)**" : "")} | {E(ReportWords.Value(g))} | {NumberFormat.Of(g.Fail)} | {NumberFormat.Of(g.Warn)} | {ReportWords.Of(g.Direction)} | **{ReportWords.Of(g.Status)}** {E(g.Reason)}{tied} | {canary} | {RunFile(report, g.Evidence)} |");
        }
    }

    /// <summary>A report-relative path shown as code relative to the run folder (the artifacts root).</summary>
    private static string RunFile(GateReport report, string? reportRelative)
    {
        if (reportRelative is null)
        {
            return "";
        }

        var prefix = report.ArtifactsRoot.TrimEnd('/') + "/";
        var path = reportRelative.StartsWith(prefix, StringComparison.Ordinal) ? reportRelative[prefix.Length..] : reportRelative;
        return $"`{Code(path)}`";
    }

    /// <summary>Escapes text for a Markdown table cell: no pipes, no raw HTML, no line breaks.</summary>
    internal static string E(string? text) => (text ?? "")
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static void Line(StringBuilder m, string text = "") => m.Append(text).Append('\n');
}
