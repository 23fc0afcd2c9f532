using System.CommandLine;
using System.CommandLine.Invocation;

namespace Socrates.Gates.Cli;

/// <summary>
/// The command line (System.CommandLine, as in Socrates.Cli): <c>evaluate</c>, <c>validate</c>,
/// <c>plan-canaries</c>, <c>verify-evidence</c>, each a small class in this folder with a
/// <c>Create()</c>. A usage error (unknown command or option, missing or bad value) prints one
/// line and where to get help, and exits <see cref="ExitCodes.Invalid"/>: never a verdict's code.
/// Output goes to the given writers so the whole program runs in-process in tests.
/// </summary>
internal sealed class GateCli(TextWriter output, TextWriter error, TimeProvider time)
{
    public const string HelpHint = "Run 'Socrates.Gates --help' (or 'Socrates.Gates <command> --help') for usage.";

    private const string Description = """
        Socrates.Gates: decides quality gates from gates.json and the metrics a pipeline wrote.
        Exit codes: 0: GO or GO WITH WARNINGS (other commands: done). 1: NO-GO (verify-evidence: a file
        changed or is missing). 2: invalid gates file or wrong usage. 3: INCONCLUSIVE (no gate red, but one
        could not be measured cleanly; blocks GO).
        """;

    /// <summary>The root command with every command registered, in help order.</summary>
    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand(Description)
        {
            new EvaluateCommand(output, error, time).Create(),
            new ValidateCommand(output, error).Create(),
            new PlanCanariesCommand(output, error).Create(),
            new VerifyEvidenceCommand(output, error).Create(),
        };
        return root;
    }

    public int Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = CreateRootCommand();
        var parse = root.Parse(HelpWord(args));
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            error.WriteLine($"error: {UsageError(root, parse)}");
            error.WriteLine(HelpHint);
            return ExitCodes.Invalid;
        }

        // Unexpected exceptions crash the process as before instead of becoming exit 1 (NO-GO).
        return parse.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    /// <summary>The parse errors as one line; a word that is no command is named alone.</summary>
    private static string UsageError(RootCommand root, ParseResult parse)
    {
        if (parse.CommandResult.Command == root && parse.UnmatchedTokens.Count > 0)
        {
            return $"unknown command '{parse.UnmatchedTokens[0]}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}).";
        }

        return $"{string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))}.";
    }

    /// <summary><c>help</c> and <c>help &lt;command&gt;</c> stay what they were: the help text.</summary>
    private static IReadOnlyList<string> HelpWord(IReadOnlyList<string> args) => args switch
    {
        ["help"] => ["--help"],
        ["help", var command] => [command, "--help"],
        _ => args,
    };
}
