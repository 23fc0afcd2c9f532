namespace Socrates.Cli.Commands;

/// <summary>Exit codes of <c>socrates check-history</c>.</summary>
public static class CheckHistoryExitCodes
{
    /// <summary>The history is linearizable.</summary>
    public const int Linearizable = 0;

    /// <summary>The history is not linearizable; the timeline is printed.</summary>
    public const int NotLinearizable = 1;

    /// <summary>The time budget ran out: no verdict.</summary>
    public const int Unknown = 2;

    /// <summary>The file is missing or unreadable (message with line number), or the command line is wrong.</summary>
    public const int Unreadable = 3;
}
