using Socrates.Cli;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>Runs the <c>socrates</c> CLI in-process and captures its exit code, output and errors.</summary>
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
