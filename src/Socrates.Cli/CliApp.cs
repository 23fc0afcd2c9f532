using System.CommandLine;
using System.CommandLine.Invocation;
using Socrates.Cli.Commands;

namespace Socrates.Cli;

/// <summary>
/// The <c>socrates</c> command line. Each command is a small class in <c>Commands/</c> with a
/// <c>Create()</c> returning a System.CommandLine <see cref="Command"/>; register it in
/// <see cref="Commands"/>. Usage errors (unknown option, missing argument, bad value) print the
/// errors and exit with <see cref="CliExitCodes.Usage"/> (3), so that they are never mistaken
/// for a command's verdict.
/// </summary>
public static class CliApp
{
    /// <summary>Every command, in help order.</summary>
    public static IEnumerable<Command> Commands()
    {
        yield return CheckHistoryCommand.Create();
        yield return GoldenCommand.Create();
        yield return IvfSweepCommand.Create();
        yield return GenerateV1Command.Create();
        yield return MigrateCommand.Create();
        yield return VerifyCommand.Create();
        yield return RestoreCommand.Create();
        yield return RehearseCommand.Create();
    }

    /// <summary>The root command with every command registered.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Socrates Gates: tools for the Socrates data layer and its quality gates.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parse = CreateRootCommand().Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run 'socrates --help' (or 'socrates <command> --help') for usage.");
            return CliExitCodes.Usage;
        }

        // Termination signals are the caller's to turn into cancellation (Program does, so a migration
        // can stop at a batch boundary, however long that takes, instead of being cut after two seconds).
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellationToken);
    }
}
