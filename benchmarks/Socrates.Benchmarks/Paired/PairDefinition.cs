namespace Socrates.Benchmarks.Paired;

/// <summary>
/// One paired comparison: <paramref name="Id"/> is the metric it becomes; <paramref name="Kind"/>
/// "speedup" (baseline/candidate, higher is better) or "ratio" (candidate/baseline, lower is
/// better). Each side is one operation, called exactly as its BenchmarkDotNet benchmark is, and
/// returns its result (the runner consumes it, so the JIT cannot drop a pure side as dead code).
/// </summary>
public sealed record PairDefinition(
    string Id,
    string Title,
    string Kind,
    string BaselineName,
    Func<long> Baseline,
    string CandidateName,
    Func<long> Candidate)
{
    /// <summary>
    /// Rounds for this pair instead of the profile's: for a side so slow (hundreds of milliseconds a
    /// call) that the profile's rounds would cost a minute, while a speed-up far beyond its gate is
    /// proven by fewer.
    /// </summary>
    public int? Rounds { get; init; }

    /// <summary>Warm-up calls of each side at least, instead of <see cref="PairedRunner.MinimumWarmupCalls"/> (same reason as <see cref="Rounds"/>).</summary>
    public int? MinimumWarmupCalls { get; init; }

    /// <summary>
    /// Each slice calls its side until the slice target has elapsed, instead of a batch sized
    /// beforehand. On a machine with more runnable threads than cores a slice shorter than the
    /// scheduler's time slice can run uninterrupted while a longer one is preempted, so slices of
    /// unequal length (a batch sized during a slow spell) bias the ratio; equal durations do not.
    /// Reading the clock after every call costs ~20 ns, so only for sides of microseconds and more.
    /// </summary>
    public bool TimedSlices { get; init; }

    public const string Speedup = "speedup";
    public const string Ratio = "ratio";

    public static PairDefinition Pair(string id, string title, string kind, (string Name, Func<long> Run) before, (string Name, Func<long> Run) after) =>
        new(id, title, kind, before.Name, before.Run, after.Name, after.Run);
}
