namespace Socrates.Gates.Evaluation;

/// <summary>The run's verdict.</summary>
public enum Verdict
{
    Go,
    GoWithWarnings,
    NoGo,

    /// <summary>No gate is red but one could not be measured cleanly: blocks GO without calling the code bad.</summary>
    Inconclusive,
}

/// <summary>The words a verdict is written in, everywhere: <c>GO</c>, <c>GO WITH WARNINGS</c>, <c>NO-GO</c>, <c>INCONCLUSIVE</c>.</summary>
internal static class VerdictText
{
    public const string Go = "GO";
    public const string GoWithWarnings = "GO WITH WARNINGS";
    public const string NoGo = "NO-GO";
    public const string Inconclusive = "INCONCLUSIVE";

    public static string Of(Verdict verdict) => verdict switch
    {
        Verdict.Go => Go,
        Verdict.GoWithWarnings => GoWithWarnings,
        Verdict.NoGo => NoGo,
        Verdict.Inconclusive => Inconclusive,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };
}
