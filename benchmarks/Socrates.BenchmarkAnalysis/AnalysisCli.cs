using System.CommandLine;
using System.CommandLine.Invocation;
using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis;

/// <summary>
/// The tool's command line (System.CommandLine, as in Socrates.Cli and the gate engine). Each
/// command builds its own <see cref="Command"/>; a usage error (unknown command or option, missing
/// or bad value) prints one line, <c>command: problem</c>, and where to get help, and exits
/// <see cref="UsageExitCode"/>, the gate engine's usage code too.
/// </summary>
public static class AnalysisCli
{
    /// <summary>Exit code of a wrong command line (and of an invalid comparisons or samples file).</summary>
    public const int UsageExitCode = 2;

    public const string HelpHint = "Run 'Socrates.BenchmarkAnalysis --help' (or 'Socrates.BenchmarkAnalysis <command> --help') for usage.";

    private const string Description = """
        Socrates.BenchmarkAnalysis: benchmark results in, metric files and baselines out.
        Exit codes: 0 done; 1 a comparison or pair produced no metric (or nothing was written); 2 wrong usage.
        """;

    /// <summary>The root command with every command registered, in help order.</summary>
    public static RootCommand CreateRootCommand(TextWriter output, TextWriter error, DateTimeOffset now) => new(Description)
    {
        BenchmarkComparisonCommand.Create(output, error, now),
        BaselineCommand.Create(output, error, now),
        PairedComparisonCommand.Create(output, error, now),
        PairedBaselineCommand.Create(output, error, now),
    };

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = CreateRootCommand(output, error, now);
        var parse = root.Parse(HelpWord(args));
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            error.WriteLine(UsageError(root, parse));
            error.WriteLine(HelpHint);
            return UsageExitCode;
        }

        // Unexpected exceptions crash as before instead of becoming exit 1 (a missing metric).
        return parse.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
    }

    /// <summary><c>help [command]</c> stays what it was: the help text.</summary>
    private static IReadOnlyList<string> HelpWord(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] == "help" ? [.. args.Skip(1), "--help"] : args;

    private static string UsageError(RootCommand root, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command == root)
        {
            return parse.UnmatchedTokens.Count > 0
                ? $"unknown command '{parse.UnmatchedTokens[0]}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})."
                : $"a command is needed (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}).";
        }

        return $"{command.Name}: {string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))}.";
    }
}
