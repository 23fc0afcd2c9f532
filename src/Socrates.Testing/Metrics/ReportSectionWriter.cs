using System.Globalization;
using System.Net;
using System.Text;

namespace Socrates.Testing.Metrics;

/// <summary>
/// Writes a fragment for the gate report: <c>{artifacts}/report-sections/{name}.md</c> and
/// <c>.html</c>. The engine embeds them after the gates table; HTML must be self-contained
/// (inline SVG is fine, scripts and remote resources are refused).
/// </summary>
public static class ReportSectionWriter
{
    /// <summary>Writes a titled table (and, if given, an inline SVG chart) in both formats.</summary>
    public static void WriteTable(string name, string title, string note, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, string? svgChart = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var folder = Path.Combine(ArtifactPaths.Root, "report-sections");
        Directory.CreateDirectory(folder);

        var md = new StringBuilder();
        md.Append("### ").AppendLine(title).AppendLine().AppendLine(note).AppendLine();
        md.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        md.Append('|').AppendJoin("", headers.Select(_ => "---:|")).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        var html = new StringBuilder();
        html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).AppendLine("</h2>");
        html.Append("<p class=\"muted\">").Append(WebUtility.HtmlEncode(note)).AppendLine("</p>");
        if (svgChart is not null)
        {
            html.AppendLine(svgChart);
        }

        html.Append("<table><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.AppendLine("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td class=\"num\">").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</table>");
        File.WriteAllText(Path.Combine(folder, name + ".md"), md.ToString());
        File.WriteAllText(Path.Combine(folder, name + ".html"), html.ToString());
    }

    /// <summary>
    /// A small inline SVG line chart: one polyline per series over shared x values, each series
    /// scaled to its own maximum (so recall and throughput can share a chart), with a legend.
    /// </summary>
    public static string LineChart(IReadOnlyList<double> x, IReadOnlyList<(string Label, string Color, IReadOnlyList<double> Values)> series, string xLabel)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        const double Width = 520, Height = 220, Left = 40, Bottom = 30, Top = 20;
        var plotWidth = Width - Left - 20;
        var plotHeight = Height - Bottom - Top;
        double Px(int i) => Left + (x.Count == 1 ? 0 : plotWidth * i / (x.Count - 1));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg width=\"{Width}\" height=\"{Height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 20}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#888\"/>");
        for (var i = 0; i < x.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(i):F1}\" y=\"{Height - 10}\" font-size=\"11\" text-anchor=\"middle\">{x[i]:0.##}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 20}\" y=\"{Height - Bottom - 5}\" font-size=\"11\" text-anchor=\"end\">{WebUtility.HtmlEncode(xLabel)}</text>");
        var legendY = Top;
        foreach (var (label, color, values) in series)
        {
            var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 1e-12);
            var points = string.Join(' ', values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{Px(i):F1},{Top + plotHeight * (1 - v / max):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 8}\" y=\"{legendY + 10}\" font-size=\"11\" fill=\"{color}\">{WebUtility.HtmlEncode(label)} (max {max:0.###})</text>");
            legendY += 14;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
