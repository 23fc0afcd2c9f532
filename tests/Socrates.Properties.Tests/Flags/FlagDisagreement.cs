namespace Socrates.Properties.Tests.Flags;

/// <summary>One answer of one flag combination that differs from the V1-only baseline.</summary>
public sealed record FlagDisagreement(string Combination, int StepIndex, string Step, string FirstDifference);

/// <summary>Thrown inside the property so FsCheck shrinks the workload; carries the first disagreements.</summary>
public sealed class FlagDisagreementException(IReadOnlyList<FlagDisagreement> disagreements)
    : Exception($"{disagreements.Count} answers differ from the V1 baseline; first: " +
        string.Join("; ", disagreements.Take(3).Select(d => $"[{d.Combination}] step {d.StepIndex} {d.Step}: {d.FirstDifference}")))
{
    public IReadOnlyList<FlagDisagreement> Disagreements { get; } = disagreements;
}
