using Socrates.Gates.Config;
using Socrates.Gates.Reporting;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>evaluate</c>: decides every gate, writes the report, prints the summary. Exit 0 for GO and
/// GO WITH WARNINGS, 1 for NO-GO, 2 for an invalid gates file, bad usage or an unwritable report,
/// 3 for INCONCLUSIVE.
/// </summary>
internal sealed class EvaluateCommand(TextWriter output, TextWriter error, TimeProvider time)
{
    private static readonly string[] s_options = ["--gates", "--artifacts", "--profile", "--out", "--previous", "--commit", "--history"];
    private static readonly string[] s_flags = ["--run-canaries-expected", "--record-history"];

    public int Run(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse("evaluate", args, s_options, s_flags, out var usage);
        if (line is null)
        {
            error.WriteLine($"error: {usage}");
            return ExitCodes.Invalid;
        }

        var profile = line.Value("--profile");
        if (!GateProfiles.IsKnown(profile))
        {
            error.WriteLine($"error: --profile must be one of {string.Join(", ", GateProfiles.All)} (got '{profile}')");
            return ExitCodes.Invalid;
        }

        var gatesFile = line.Value("--gates") ?? "gates.json";
        var config = ConfigOutput.LoadOrReport(gatesFile, error);
        if (config is null)
        {
            return ExitCodes.Invalid;
        }

        ConfigOutput.WriteWarnings(config, error);
        var artifacts = line.Value("--artifacts") ?? "artifacts";
        var options = new EvaluateOptions(
            gatesFile,
            artifacts,
            profile!,
            line.Value("--out") ?? Path.Combine(artifacts, "gates"),
            line.Value("--previous"),
            line.Value("--commit") ?? "unknown",
            line.Has("--run-canaries-expected"))
        {
            HistoryFile = line.Value("--history"),
            RecordHistory = line.Has("--record-history"),
        };
        if (options.RecordHistory && options.HistoryFile is null)
        {
            error.WriteLine("error: --record-history needs --history <file>");
            return ExitCodes.Invalid;
        }

        GateReport report;
        try
        {
            report = GateRun.Execute(config, options, time, MachineInfo.Current());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the report to {options.OutputDirectory}: {ex.Message}");
            return ExitCodes.Invalid;
        }

        output.Write(ConsoleSummary.Render(report));
        output.WriteLine($"Report: {Path.Combine(options.OutputDirectory, HtmlReportWriter.FileName)}");
        foreach (var problem in report.Problems)
        {
            error.WriteLine($"  problem: {problem.Source}: {problem.Message}");
        }

        return report.Verdict switch
        {
            Evaluation.VerdictText.NoGo => ExitCodes.NoGo,
            Evaluation.VerdictText.Inconclusive => ExitCodes.Inconclusive,
            _ => ExitCodes.Go,
        };
    }
}
