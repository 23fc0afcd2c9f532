namespace Socrates.Gates.Evaluation;

/// <summary>The decided run: every gate (skipped ones included), every risk, and the verdict.</summary>
internal sealed record RunEvaluation(string Profile, IReadOnlyList<GateResult> Gates, IReadOnlyList<RiskResult> Risks, RunVerdict Verdict);
