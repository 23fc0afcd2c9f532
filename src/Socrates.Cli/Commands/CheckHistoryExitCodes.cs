namespace Socrates.Cli.Commands;

/// <summary>
/// Exit codes of <c>socrates check-history</c>. With several files the exit code is the worst
/// one's, from worst to best: <see cref="Unreadable"/>, <see cref="NotLinearizable"/>,
/// <see cref="Unknown"/>, <see cref="NothingChecked"/>, <see cref="Linearizable"/>.
/// </summary>
public static class CheckHistoryExitCodes
{
    /// <summary>The history is linearizable.</summary>
    public const int Linearizable = 0;

    /// <summary>The history is not linearizable; the timeline is printed.</summary>
    public const int NotLinearizable = 1;

    /// <summary>A budget (time or memory) ran out: no verdict.</summary>
    public const int Unknown = 2;

    /// <summary>The file is missing or unreadable (message with line number), or the command line is wrong.</summary>
    public const int Unreadable = 3;

    /// <summary>
    /// The history had no operation to judge (empty, or only failed operations): no evidence
    /// either way. A gate reading this must treat it as missing evidence, never as a pass.
    /// </summary>
    public const int NothingChecked = 4;

    /// <summary>How bad an exit code is, for picking the worst of several files.</summary>
    public static int Severity(int exitCode) => exitCode switch
    {
        Linearizable => 0,
        NothingChecked => 1,
        Unknown => 2,
        NotLinearizable => 3,
        _ => 4,
    };
}
