namespace Socrates.Gates.Cli;

/// <summary>What the process returns.</summary>
internal static class ExitCodes
{
    /// <summary>GO or GO WITH WARNINGS; for validate and plan-canaries, success.</summary>
    public const int Go = 0;

    /// <summary>NO-GO.</summary>
    public const int NoGo = 1;

    /// <summary>Invalid gates file or usage (the engine could not decide anything).</summary>
    public const int Invalid = 2;
}
