using System.Globalization;
using System.Net;
using System.Text;
using Socrates.BenchmarkAnalysis.Evaluation;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>
/// An inline SVG (no script, no external reference) drawing the two sides of a comparison on one
/// axis: a box from the first to the third quartile, the median as a thick line, whiskers to the
/// extremes and every sample as a dot. Spans wider than 8x use a logarithmic axis (said on the
/// axis). Allocations are drawn as two bars.
/// </summary>
public static class BoxPlotSvg
{
    private const int Width = 640;
    private const int Left = 130;
    private const int Right = 20;
    private const int RowHeight = 34;
    private const int Top = 10;
    private const int AxisHeight = 30;

    public static string Render(ComparisonOutcome comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var sides = new[] { comparison.Baseline, comparison.Candidate }.OfType<ComparisonSide>().ToList();
        if (sides.Count == 0)
        {
            return string.Empty;
        }

        return comparison.Measure == "allocated" ? Bars(comparison.Id, sides) : Boxes(comparison.Id, sides.Where(s => s.Count > 0).ToList());
    }

    /// <summary>Box plots of time samples (e.g. a paired comparison's per-round times), one row per side.</summary>
    public static string RenderTimes(string id, IReadOnlyList<ComparisonSide> sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        return Boxes(id, sides.Where(s => s.Count > 0).ToList());
    }

    private static string Boxes(string id, List<ComparisonSide> sides)
    {
        if (sides.Count == 0)
        {
            return string.Empty;
        }

        var min = sides.Min(s => s.Min!.Value);
        var max = sides.Max(s => s.Max!.Value);
        var logarithmic = min > 0 && max / min > 8;
        var scale = new Scale(min, max, logarithmic);
        var height = Top + (RowHeight * sides.Count) + AxisHeight;
        var svg = Open(id, height, $"Box plot of {id}: {string.Join(", ", sides.Select(s => s.Label + " median " + ValueFormat.Sample(s.Median!.Value, s.SampleUnit)))}");
        for (var i = 0; i < sides.Count; i++)
        {
            var side = sides[i];
            var colour = i == 0 ? "#7a869a" : "#2b6cb0";
            double y = Top + (RowHeight * i);
            var mid = y + (RowHeight / 2.0);
            svg.Append(Text(8, mid + 4, side.Label, "start"));
            svg.Append(Line(scale.X(side.Min!.Value), mid, scale.X(side.Max!.Value), mid, colour, 1));
            svg.Append(Line(scale.X(side.Min.Value), mid - 6, scale.X(side.Min.Value), mid + 6, colour, 1));
            svg.Append(Line(scale.X(side.Max.Value), mid - 6, scale.X(side.Max.Value), mid + 6, colour, 1));
            var q1 = scale.X(side.Q1!.Value);
            var q3 = scale.X(side.Q3!.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(q1)}\" y=\"{F(mid - 10)}\" width=\"{F(Math.Max(q3 - q1, 1))}\" height=\"20\" fill=\"{colour}\" fill-opacity=\"0.25\" stroke=\"{colour}\"/>");
            svg.Append(Line(scale.X(side.Median!.Value), mid - 10, scale.X(side.Median.Value), mid + 10, colour, 3));
            foreach (var sample in side.Samples)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(scale.X(sample))}\" cy=\"{F(mid)}\" r=\"2\" fill=\"{colour}\" fill-opacity=\"0.6\"/>");
            }
        }

        var axisY = Top + (RowHeight * sides.Count) + 4;
        svg.Append(Line(Left, axisY, Width - Right, axisY, "#444", 1));
        foreach (var tick in scale.Ticks())
        {
            var x = scale.X(tick);
            svg.Append(Line(x, axisY, x, axisY + 4, "#444", 1));
            svg.Append(Text(x, axisY + 16, ValueFormat.Sample(tick, sides[0].SampleUnit), "middle"));
        }

        if (logarithmic)
        {
            svg.Append(Text(Width - Right, axisY + 26, "log scale", "end"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Bars(string id, List<ComparisonSide> sides)
    {
        var max = sides.Max(s => s.BytesAllocatedPerOperation ?? 0);
        var height = Top + (RowHeight * sides.Count) + 10;
        var svg = Open(id, height, $"Allocations of {id}: {string.Join(", ", sides.Select(s => s.Label + " " + (s.BytesAllocatedPerOperation is { } b ? ValueFormat.Bytes(b) : "unknown")))}");
        for (var i = 0; i < sides.Count; i++)
        {
            var side = sides[i];
            var bytes = side.BytesAllocatedPerOperation ?? 0;
            double y = Top + (RowHeight * i);
            var width = max <= 0 ? 0 : (Width - Left - Right - 90) * bytes / max;
            svg.Append(Text(8, y + (RowHeight / 2.0) + 4, side.Label, "start"));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{F(y + 6)}\" width=\"{F(Math.Max(width, 1))}\" height=\"{RowHeight - 12}\" fill=\"{(i == 0 ? "#7a869a" : "#2b6cb0")}\"/>");
            svg.Append(Text(Left + width + 6, y + (RowHeight / 2.0) + 4, side.BytesAllocatedPerOperation is { } b ? ValueFormat.Bytes(b) : "unknown", "start"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, int height, string label) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" font-family=\"sans-serif\" font-size=\"11\"><title>{WebUtility.HtmlEncode(id)}</title>");

    private static string Line(double x1, double y1, double x2, double y2, string colour, double width) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{colour}\" stroke-width=\"{F(width)}\"/>");

    private static string Text(double x, double y, string text, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" fill=\"#222\">{WebUtility.HtmlEncode(text)}</text>");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private sealed class Scale
    {
        private readonly double _low;
        private readonly double _high;
        private readonly bool _log;

        public Scale(double min, double max, bool logarithmic)
        {
            _log = logarithmic;
            var low = logarithmic ? Math.Log10(min) : min;
            var high = logarithmic ? Math.Log10(max) : max;
            var pad = high > low ? (high - low) * 0.05 : Math.Max(Math.Abs(low) * 0.05, 1e-9);
            _low = logarithmic ? low - pad : Math.Max(0, low - pad);
            _high = high + pad;
        }

        public double X(double value)
        {
            var v = _log ? Math.Log10(value) : value;
            return Left + ((v - _low) / (_high - _low) * (Width - Left - Right));
        }

        public IEnumerable<double> Ticks()
        {
            const int count = 5;
            for (var i = 0; i < count; i++)
            {
                var v = _low + ((_high - _low) * i / (count - 1));
                yield return _log ? Math.Pow(10, v) : v;
            }
        }
    }
}
