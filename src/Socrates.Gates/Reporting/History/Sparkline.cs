using System.Globalization;
using System.Text;

namespace Socrates.Gates.Reporting.History;

/// <summary>
/// A gate's trend as a small inline SVG (no script, nothing fetched): the figures as a line, this
/// run's as a dot, the fail line red and the warn line amber, scaled to include both lines.
/// </summary>
internal static class Sparkline
{
    private const double Width = 96;
    private const double Height = 22;

    public static string Svg(GateTrend trend, double fail, double? warn)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var all = trend.Values.Append(fail).Concat(warn is { } w ? [w] : []).ToList();
        var low = all.Min();
        var high = all.Max();
        var span = high - low;
        if (span <= 0)
        {
            span = Math.Abs(high) > 0 ? Math.Abs(high) : 1;
            low -= span / 2;
        }

        double X(int i) => trend.Values.Count == 1 ? Width / 2 : 2 + (i * (Width - 4) / (trend.Values.Count - 1));
        double Y(double v) => Height - 2 - ((v - low) / span * (Height - 4));
        var points = string.Join(" ", trend.Values.Select((v, i) => $"{F(X(i))},{F(Y(v))}"));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{F(Width)}\" height=\"{F(Height)}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-label=\"last {trend.Values.Count} runs\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{F(Width)}\" y1=\"{F(Y(fail))}\" y2=\"{F(Y(fail))}\" stroke=\"#b42318\" stroke-dasharray=\"3 2\"/>");
        if (warn is { } line)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{F(Width)}\" y1=\"{F(Y(line))}\" y2=\"{F(Y(line))}\" stroke=\"#b7791f\" stroke-dasharray=\"2 2\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#3d4652\" stroke-width=\"1.4\" points=\"{points}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(trend.Values.Count - 1))}\" cy=\"{F(Y(trend.Values[^1]))}\" r=\"2.4\" fill=\"#1b1b1b\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
