namespace Socrates.Benchmarks.Paired;

/// <summary>
/// How long a paired comparison runs: <see cref="Rounds"/> ABBA rounds, each side's slice timing a
/// batch sized to about <see cref="SliceTarget"/>, after <see cref="Warmup"/> of alternating calls.
/// </summary>
public sealed record PairedSettings(int Rounds, TimeSpan SliceTarget, TimeSpan Warmup)
{
    /// <summary>48 rounds: below the signed-rank test's exact limit (50), so the test and its interval are exact and agree.</summary>
    public static PairedSettings Ci { get; } = new(48, TimeSpan.FromMilliseconds(8), TimeSpan.FromSeconds(1));

    /// <summary>
    /// Quick runs the ci settings: the suite takes ~20 s, and shorter runs were not reliable here
    /// (24 rounds of 5 ms after 0.6 s of warm-up: cache hit 6.4 before the JIT settled, save speed-up 1.005).
    /// </summary>
    public static PairedSettings Quick { get; } = Ci;
    public static PairedSettings Full { get; } = new(120, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2));

    /// <summary>The settings of a harness profile (quick, ci, full).</summary>
    public static PairedSettings For(string profile) => profile switch
    {
        "ci" => Ci,
        "full" => Full,
        _ => Quick,
    };
}
