using System.Text;

namespace Socrates.Gates.Reporting;

/// <summary>The short table <c>evaluate</c> prints: one line per gate, then the verdict and its reasons.</summary>
internal static class ConsoleSummary
{
    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Gates.Select(g => new[]
        {
            g.Id,
            ReportWords.Of(g.Status).ToUpperInvariant(),
            ReportWords.Value(g),
            $"{ReportWords.Of(g.Direction)} fail {Evaluation.NumberFormat.Of(g.Fail)}" + (g.Warn is null ? "" : $" warn {Evaluation.NumberFormat.Of(g.Warn)}"),
            ReportWords.Of(g.Canary.Status),
        }).ToList();
        string[] header = ["GATE", "STATUS", "MEASURED", "THRESHOLD", "CANARY"];
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        var s = new StringBuilder();
        void Row(string[] cells) => s.Append(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Row(header);
        foreach (var row in rows)
        {
            Row(row);
        }

        var headline = ReportWords.Headline(report);
        s.Append('\n').Append($"Verdict ({report.Profile}): {report.Verdict}").Append(headline.Length == 0 ? "" : ": " + headline).Append('\n');
        foreach (var cause in report.Causes)
        {
            s.Append("  - ").Append(cause.Kind).Append(": ").Append(cause.Text).Append('\n');
        }

        s.Append(report.Summary.Sensitivity).Append('\n');

        var failedTests = report.Tests.SelectMany(t => t.FailedTests.Select(f => (t.Suite, Test: f))).ToList();
        if (failedTests.Count > 0)
        {
            s.Append("Failed tests:\n");
            foreach (var (suite, f) in failedTests)
            {
                s.Append("  - ").Append(suite).Append(": ").Append(f.Name).Append(" (").Append(f.Outcome).Append(')');
                s.Append(f.Gates.Count == 0 ? "" : " wrote the figure of " + string.Join(", ", f.Gates));
                s.Append(f.Message is null ? "" : ": " + f.Message).Append('\n');
            }
        }

        return s.ToString();
    }
}
