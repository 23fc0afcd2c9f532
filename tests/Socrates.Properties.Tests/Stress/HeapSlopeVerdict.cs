namespace Socrates.Properties.Tests.Stress;

/// <summary>What one measured phase says about the heap slope against the threshold.</summary>
internal enum HeapSlopeOutcome
{
    /// <summary>The whole confidence interval lies below the threshold.</summary>
    Flat,

    /// <summary>The whole confidence interval lies at or above the threshold.</summary>
    Leaking,

    /// <summary>The interval straddles the threshold: this phase cannot tell.</summary>
    Undecided,
}

/// <summary>
/// Turns measured phases into a verdict that noise cannot flip. A phase counts only when its
/// confidence interval clears the threshold; a leak must show in two phases (a real leak grows
/// in every phase, a burst of retained memory from elsewhere does not repeat), a flat heap in
/// one. Phases that cannot tell are measured again, up to <see cref="MaxPhases"/>; then the
/// figure is inconclusive, never a guess. The figure written is always on its verdict's side:
/// a flat phase's slope is below its upper bound, a leaking one's above its lower bound.
/// </summary>
internal sealed record HeapSlopeVerdict(HeapSlopeOutcome Outcome, double Slope, bool Decided, string Reason)
{
    public const int MaxPhases = 3;
    public const int LeakingPhasesForRed = 2;

    public static HeapSlopeOutcome Classify(SlopeEstimate estimate, double threshold) =>
        estimate.Upper < threshold ? HeapSlopeOutcome.Flat
        : estimate.Lower >= threshold ? HeapSlopeOutcome.Leaking
        : HeapSlopeOutcome.Undecided;

    /// <summary>The verdict so far, or null while another phase is needed and allowed.</summary>
    public static HeapSlopeVerdict? Decide(IReadOnlyList<SlopeEstimate> phases, double threshold)
    {
        var outcomes = phases.Select(p => Classify(p, threshold)).ToList();
        var flat = outcomes.IndexOf(HeapSlopeOutcome.Flat);
        if (flat >= 0)
        {
            return new(HeapSlopeOutcome.Flat, phases[flat].Slope, true, Describe(phases, outcomes));
        }

        var leaking = phases.Where((_, i) => outcomes[i] == HeapSlopeOutcome.Leaking).ToList();
        if (leaking.Count >= LeakingPhasesForRed)
        {
            return new(HeapSlopeOutcome.Leaking, leaking.Min(p => p.Slope), true, Describe(phases, outcomes));
        }

        if (phases.Count < MaxPhases)
        {
            return null;
        }

        return new(
            HeapSlopeOutcome.Undecided,
            phases[^1].Slope,
            false,
            $"no clean measurement in {phases.Count} phases: the heap slope's 99% interval kept straddling {threshold} bytes/op ({Describe(phases, outcomes)})");
    }

    private static string Describe(IReadOnlyList<SlopeEstimate> phases, List<HeapSlopeOutcome> outcomes) =>
        string.Join("; ", phases.Select((p, i) => FormattableString.Invariant($"{outcomes[i]} {p.Slope:F1} [{p.Lower:F1}, {p.Upper:F1}]")));
}
