using System.Text;
using Socrates.BenchmarkAnalysis.Evaluation;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>comparisons.md: a Markdown fragment (a heading, one table, the errors) for the gate report.</summary>
public static class ComparisonMarkdownWriter
{
    public static string Render(ComparisonReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("### Benchmark comparisons").AppendLine();
        text.AppendLine($"Profile `{report.Profile}`; host: {report.Host ?? "unknown"}; stored baseline: {(report.BaselineFile is null ? "none" : $"`{DisplayPath.Of(report.BaselineFile)}` ({report.BaselineCreatedAt})")}.");
        text.AppendLine("The metric is the conservative confidence bound (speed-up: lower; ratio and regression: upper); see docs/benchmarks.md.").AppendLine();
        text.AppendLine("| Metric | Kind | Value (gated) | Estimate | Confidence interval | p (Mann-Whitney) | Verdict | Baseline median | Candidate median |");
        text.AppendLine("|---|---|---:|---:|---|---:|---|---:|---:|");
        foreach (var c in report.Comparisons)
        {
            if (!c.IsOk)
            {
                text.AppendLine($"| `{c.Id}` | {c.Kind} | **missing** | — | — | — | {Escape(c.Error)} | — | — |");
                continue;
            }

            var interval = c.Confidence is { } confidence
                ? $"[{ValueFormat.Metric(c.Lower, c.Unit)}, {ValueFormat.Metric(c.Upper, c.Unit)}] at {confidence:P0}"
                : "exact (deterministic)";
            text.AppendLine($"| `{c.Id}` | {c.Kind} ({c.Measure}) | **{ValueFormat.Metric(c.Value, c.Unit)}** | {ValueFormat.Metric(c.Estimate, c.Unit)} | {interval} | {ValueFormat.Probability(c.Test?.PValue)} | {Escape(c.Verdict)} | {Median(c.Baseline, c.Measure)} | {Median(c.Candidate, c.Measure)} |");
        }

        if (report.RunErrors.Count > 0)
        {
            text.AppendLine().AppendLine("Problems reading the results:").AppendLine();
            foreach (var error in report.RunErrors)
            {
                text.AppendLine($"- {Escape(error)}");
            }
        }

        return text.ToString();
    }

    internal static string Median(ComparisonSide? side, string measure) => side switch
    {
        null => "—",
        _ when measure == "allocated" => side.BytesAllocatedPerOperation is { } b ? ValueFormat.Bytes(b) : "—",
        { Median: { } m } => ValueFormat.Sample(m, side.SampleUnit),
        _ => "—",
    };

    private static string Escape(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
