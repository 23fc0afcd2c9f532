using System.Net;
using System.Text;
using Socrates.BenchmarkAnalysis.Evaluation;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>
/// comparisons.html: a self-contained HTML fragment (a section: table, one inline SVG chart per
/// comparison, errors; no script, no external resource) for the report writer to embed.
/// </summary>
public static class ComparisonHtmlWriter
{
    public static string Render(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<section class=\"benchmark-comparisons\">");
        html.AppendLine("<h3>Benchmark comparisons</h3>");
        html.AppendLine($"<p>Profile <code>{E(report.Profile)}</code>; host: {E(report.Host ?? "unknown")}; stored baseline: {(report.BaselineFile is null ? "none" : $"<code>{E(DisplayPath.Of(report.BaselineFile))}</code> ({E(report.BaselineCreatedAt)})")}. " +
                        "The gated value is the conservative confidence bound (speed-up: lower; ratio and regression: upper).</p>");
        html.AppendLine("<table><thead><tr><th>Metric</th><th>Kind</th><th>Value (gated)</th><th>Estimate</th><th>Confidence interval</th><th>p (Mann-Whitney)</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var c in report.Comparisons)
        {
            if (!c.IsOk)
            {
                html.AppendLine($"<tr><td><code>{E(c.Id)}</code></td><td>{E(c.Kind)}</td><td><strong>missing</strong></td><td colspan=\"4\">{E(c.Error)}</td></tr>");
                continue;
            }

            var interval = c.Confidence is { } confidence
                ? $"[{ValueFormat.Metric(c.Lower, c.Unit)}, {ValueFormat.Metric(c.Upper, c.Unit)}] at {confidence:P0}"
                : "exact (deterministic)";
            html.AppendLine($"<tr><td><code>{E(c.Id)}</code></td><td>{E(c.Kind)} ({E(c.Measure)})</td><td><strong>{E(ValueFormat.Metric(c.Value, c.Unit))}</strong></td><td>{E(ValueFormat.Metric(c.Estimate, c.Unit))}</td><td>{E(interval)}</td><td>{E(ValueFormat.Probability(c.Test?.PValue))}</td><td>{E(c.Verdict)}</td></tr>");
        }

        html.AppendLine("</tbody></table>");
        foreach (var c in report.Comparisons.Where(c => c.Baseline is not null || c.Candidate is not null))
        {
            html.AppendLine($"<figure><figcaption><code>{E(c.Id)}</code>{(c.Title is null ? string.Empty : " — " + E(c.Title))}: {E(c.Baseline?.Benchmark)} against {E(c.Candidate?.Benchmark)}{(c.Normalisation is null ? string.Empty : "; " + E(c.Normalisation))}</figcaption>");
            html.AppendLine(BoxPlotSvg.Render(c));
            html.AppendLine("</figure>");
        }

        if (report.RunErrors.Count > 0)
        {
            html.AppendLine("<p>Problems reading the results:</p><ul>");
            foreach (var error in report.RunErrors)
            {
                html.AppendLine($"<li>{E(error)}</li>");
            }

            html.AppendLine("</ul>");
        }

        html.AppendLine("</section>");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
