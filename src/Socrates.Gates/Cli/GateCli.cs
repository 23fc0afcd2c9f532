namespace Socrates.Gates.Cli;

/// <summary>
/// The command line: <c>evaluate</c>, <c>validate</c>, <c>plan-canaries</c>, <c>verify-evidence</c>. Output goes to the
/// given writers so the whole program runs in-process in tests.
/// </summary>
internal sealed class GateCli(TextWriter output, TextWriter error, TimeProvider time)
{
    public const string Usage = """
        Socrates.Gates: decides quality gates from gates.json and the metrics a pipeline wrote.

        Usage:
          evaluate --profile quick|ci|full [--gates gates.json] [--artifacts artifacts]
                   [--out <artifacts>/gates] [--previous <gate-report.json>] [--commit <sha>]
                   [--run-canaries-expected] [--history <runs.jsonl> [--record-history]]
              Decides every gate, writes gate-report.{html,md,json} and junit.xml to --out.
              --history: the run history each gate's trend is drawn from (one JSON line per
              run); --record-history appends this run to it.
              --previous: the report the change section compares with (default: the
              gate-report.json already in --out).
              Exit 0: GO or GO WITH WARNINGS. 1: NO-GO. 2: invalid gates file or usage.
              3: INCONCLUSIVE (no gate red, but one could not be measured cleanly; blocks GO).
          validate [--gates gates.json]
              Checks the gates file. Exit 0 valid (warnings printed), 2 invalid.
          plan-canaries --profile quick|ci|full [--gates gates.json] [--artifacts <clean run>]
              Prints the canary runs as JSON: per defect, the gates it proves and only the tests
              (by name, learned from the clean run's metric files and failpoint reach) or
              benchmark metrics that feed them; "problems" names gates that cannot be targeted.
          verify-evidence --report <gate-report.json> [--artifacts <root>]
              Recomputes the SHA-256 of every file the report read (default root: the one the
              report names). Exit 0: all match. 1: a file changed or is missing (one line each).
              2: bad usage or no evidence recorded.
        """;

    public int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            error.WriteLine(Usage);
            return ExitCodes.Invalid;
        }

        var rest = args.Skip(1).ToList();
        switch (args[0])
        {
            case "evaluate":
                return new EvaluateCommand(output, error, time).Run(rest);
            case "validate":
                return new ValidateCommand(output, error).Run(rest);
            case "plan-canaries":
                return new PlanCanariesCommand(output, error).Run(rest);
            case "verify-evidence":
                return new VerifyEvidenceCommand(output, error).Run(rest);
            case "help" or "--help" or "-h":
                output.WriteLine(Usage);
                return ExitCodes.Go;
            default:
                error.WriteLine($"unknown command '{args[0]}'.");
                error.WriteLine(Usage);
                return ExitCodes.Invalid;
        }
    }
}
