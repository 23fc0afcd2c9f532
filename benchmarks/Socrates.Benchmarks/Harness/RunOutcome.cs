using BenchmarkDotNet.Reports;

namespace Socrates.Benchmarks.Harness;

/// <summary>
/// Decides whether a BenchmarkDotNet run produced evidence: a run with validation errors, a
/// benchmark without results, or no benchmark at all is a failed run (exit code 1), never a
/// quiet success with fewer numbers.
/// </summary>
public static class RunOutcome
{
    /// <summary>Lines describing every problem; empty when every benchmark ran and measured.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<Summary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var problems = new List<string>();
        if (summaries.Count == 0 || summaries.All(s => s.BenchmarksCases.Length == 0))
        {
            problems.Add("no benchmark ran: the filter matched nothing or the assembly holds no benchmark.");
        }

        foreach (var summary in summaries)
        {
            foreach (var error in summary.ValidationErrors.Where(e => e.IsCritical))
            {
                problems.Add($"{summary.Title}: validation error: {error.Message}");
            }

            foreach (var report in summary.Reports)
            {
                if (!report.Success || report.ResultStatistics is null)
                {
                    problems.Add($"{report.BenchmarkCase.DisplayInfo}: no result (the benchmark threw or did not run).");
                }
            }

            foreach (var benchmarkCase in summary.BenchmarksCases.Where(c => summary.Reports.All(r => r.BenchmarkCase != c)))
            {
                problems.Add($"{benchmarkCase.DisplayInfo}: no report.");
            }
        }

        return problems;
    }
}
