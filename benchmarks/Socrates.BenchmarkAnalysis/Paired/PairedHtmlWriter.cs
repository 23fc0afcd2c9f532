using Socrates.Evidence;
using System.Globalization;
using System.Net;
using System.Text;
using Socrates.BenchmarkAnalysis.Evaluation;
using Socrates.BenchmarkAnalysis.Output;
using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>
/// <c>report-sections/benchmarks-paired.html</c>: the paired comparisons as a self-contained
/// fragment (no script, nothing fetched): the table with each value, estimate, interval and
/// verdict, the change against the stored runs, and per pair an inline SVG of the two sides'
/// per-round times (ns per call), before above after.
/// </summary>
public static class PairedHtmlWriter
{
    public static string Render(
        IReadOnlyList<(PairedSamples Samples, PairedComparison? Comparison, PairedRegression? Regression, string? Problem)> pairs,
        string profile,
        double confidence,
        string? baselineFile)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var html = new StringBuilder();
        html.AppendLine("<section class=\"benchmark-paired\">");
        html.AppendLine("<h3>Paired, interleaved comparisons</h3>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p>Profile <code>{E(profile)}</code>. Before and after timed in alternating ABBA rounds; Wilcoxon signed-rank test and Hodges-Lehmann {confidence:P0} interval of the per-round log ratios. The gated value is the conservative bound (speed-up: lower; ratio: upper), 1 when no difference is proven. " +
                        $"Stored runs: {(baselineFile is null ? "none given" : $"<code>{E(baselineFile)}</code>")}.</p>");
        html.AppendLine("<table><thead><tr><th>Metric</th><th>Value (gated)</th><th>Estimate</th><th>Interval</th><th>Rounds</th><th>p</th><th>Verdict</th><th>Against the stored runs</th></tr></thead><tbody>");
        foreach (var (samples, comparison, regression, problem) in pairs)
        {
            if (comparison is null)
            {
                html.AppendLine($"<tr><td><code>{E(samples.Id)}</code></td><td><strong>missing</strong></td><td colspan=\"6\">{E(problem)}</td></tr>");
                continue;
            }

            var against = regression is null
                ? E(problem ?? "not compared")
                : E(string.Create(CultureInfo.InvariantCulture, $"ratio {regression.CurrentRatio:G4} vs {regression.BaselineRatio:G4} ({regression.BaselineRuns} runs): {regression.Slowdown:+0.0%;-0.0%}, provable above {regression.DetectableSlowdown:+0.0%}; {regression.Verdict}"));
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td><code>{E(samples.Id)}</code></td><td><strong>{comparison.Value:G4}x</strong></td><td>{comparison.Estimate:G4}x</td><td>[{comparison.Lower:G4}, {comparison.Upper:G4}]</td><td>{comparison.Rounds}</td><td>{comparison.Test.PValue:G3}</td><td>{E(comparison.Verdict)}</td><td>{against}</td></tr>");
        }

        html.AppendLine("</tbody></table>");
        foreach (var (samples, _, _, _) in pairs.Where(p => p.Samples.Rounds.Count > 0))
        {
            html.AppendLine($"<figure><figcaption><code>{E(samples.Id)}</code> — {E(samples.Title)}: {E(samples.Baseline)} against {E(samples.Candidate)}, time per call in each round</figcaption>");
            html.AppendLine(BoxPlotSvg.RenderTimes(samples.Id, [
                Side(samples.Baseline, samples.Rounds.Select(r => r.BaselineNs).ToArray()),
                Side(samples.Candidate, samples.Rounds.Select(r => r.CandidateNs).ToArray()),
            ]));
            html.AppendLine("</figure>");
        }

        html.AppendLine("</section>");
        return html.ToString();
    }

    private static ComparisonSide Side(string name, double[] times)
    {
        var sorted = times.Order().ToArray();
        return new ComparisonSide(name, name, "paired rounds", "ns", sorted.Length,
            SampleStatistics.QuantileOfSorted(sorted, 0.5), SampleStatistics.QuantileOfSorted(sorted, 0.25), SampleStatistics.QuantileOfSorted(sorted, 0.75),
            sorted[0], sorted[^1], times, null);
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
