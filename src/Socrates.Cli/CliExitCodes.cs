namespace Socrates.Cli;

/// <summary>Exit codes shared by all commands.</summary>
public static class CliExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The command line itself is wrong (unknown option, missing or invalid argument).</summary>
    public const int Usage = 3;

    /// <summary>Stopped on request (Ctrl-C / SIGINT, SIGTERM), at a point from which a rerun goes on.</summary>
    public const int Interrupted = 130;
}
