namespace Socrates.Gates.Cli;

/// <summary>What the process returns.</summary>
internal static class ExitCodes
{
    /// <summary>GO or GO WITH WARNINGS; for validate and plan-canaries, success; for verify-evidence, every file matches.</summary>
    public const int Go = 0;

    /// <summary>NO-GO; for verify-evidence, a changed or missing file.</summary>
    public const int NoGo = 1;

    /// <summary>
    /// Invalid gates file or usage (the engine could not decide anything). Socrates.BenchmarkAnalysis uses
    /// it for usage errors too; Socrates.Cli's usage code, 3, is <see cref="Inconclusive"/> here.
    /// </summary>
    public const int Invalid = 2;

    /// <summary>INCONCLUSIVE: no gate red, but one could not be measured cleanly; blocks GO like NO-GO, but says so.</summary>
    public const int Inconclusive = 3;
}
