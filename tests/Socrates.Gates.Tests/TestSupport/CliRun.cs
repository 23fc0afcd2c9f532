using Socrates.Gates.Cli;

namespace Socrates.Gates.Tests.TestSupport;

/// <summary>Runs the command line in-process and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => At(Reports.Now, args);

    public static CliRun At(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new GateCli(output, error, new FixedTime(now)).Run(args);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
