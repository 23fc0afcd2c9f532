using System.CommandLine;
using Socrates.Gates.Reporting;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>evaluate</c>: decides every gate, writes the report, prints the summary. Exit 0 for GO and
/// GO WITH WARNINGS, 1 for NO-GO, 2 for an invalid gates file, bad usage or an unwritable report,
/// 3 for INCONCLUSIVE.
/// </summary>
internal sealed class EvaluateCommand(TextWriter output, TextWriter error, TimeProvider time)
{
    public const string Name = "evaluate";

    public Command Create()
    {
        var gates = GateOptions.Gates();
        var profile = GateOptions.Profile();
        var artifacts = GateOptions.Artifacts("The folder the pipeline wrote its evidence to.");
        var outDir = GateOptions.Optional("--out", "folder", "Where gate-report.{html,md,json} and junit.xml go [default: <artifacts>/gates].");
        var previous = GateOptions.Optional("--previous", "gate-report.json", "The report the change section compares with [default: the gate-report.json already in --out].");
        var commit = GateOptions.Optional("--commit", "sha", "The commit the evidence is of [default: unknown].");
        var history = GateOptions.Optional("--history", "runs.jsonl", "The run history each gate's trend is drawn from (one JSON line per run).");
        var recordHistory = new Option<bool>("--record-history") { Description = "Append this run to --history." };
        var canariesExpected = new Option<bool>("--run-canaries-expected")
        {
            Description = "The pipeline ran the canaries: a gate whose canary folder is absent makes the run NO-GO.",
        };
        var command = new Command(Name, "Decides every gate, writes gate-report.{html,md,json} and junit.xml to --out. Exit 0: GO or GO WITH WARNINGS. 1: NO-GO. 2: invalid gates file or usage. 3: INCONCLUSIVE.")
        {
            profile, gates, artifacts, outDir, previous, commit, canariesExpected, history, recordHistory,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(recordHistory) && result.GetValue(history) is null)
            {
                result.AddError("--record-history needs --history <file>");
            }
        });
        command.SetAction(parse =>
        {
            var artifactsRoot = parse.GetValue(artifacts)!;
            return Run(new EvaluateOptions(
                parse.GetValue(gates)!,
                artifactsRoot,
                parse.GetValue(profile)!,
                parse.GetValue(outDir) ?? Path.Combine(artifactsRoot, "gates"),
                parse.GetValue(previous),
                parse.GetValue(commit) ?? "unknown",
                parse.GetValue(canariesExpected))
            {
                HistoryFile = parse.GetValue(history),
                RecordHistory = parse.GetValue(recordHistory),
            });
        });
        return command;
    }

    private int Run(EvaluateOptions options)
    {
        var config = ConfigOutput.LoadOrReport(options.GatesFile, error);
        if (config is null)
        {
            return ExitCodes.Invalid;
        }

        ConfigOutput.WriteWarnings(config, error);
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
