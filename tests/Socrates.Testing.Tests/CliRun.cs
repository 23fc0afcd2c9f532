using Socrates.Cli;

namespace Socrates.Testing.Tests;

/// <summary>Runs the <c>socrates</c> command line in process and captures what it wrote.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
