namespace Socrates.Gates.Evaluation;

/// <summary>The verdict and every reason for it that is not GO, one line each.</summary>
internal sealed record RunVerdict(Verdict Verdict, IReadOnlyList<string> Reasons)
{
    public string Text => VerdictText.Of(Verdict);
}
