namespace Socrates.Benchmarks.Paired;

/// <summary>
/// How long a paired comparison runs: <see cref="Rounds"/> ABBA rounds, each side's slice timing a
/// batch sized to about <see cref="SliceTarget"/>, after <see cref="Warmup"/> of alternating calls.
/// </summary>
public sealed record PairedSettings(int Rounds, TimeSpan SliceTarget, TimeSpan Warmup)
{
    public static PairedSettings Quick { get; } = new(24, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(600));
    public static PairedSettings Ci { get; } = new(50, TimeSpan.FromMilliseconds(8), TimeSpan.FromSeconds(1));
    public static PairedSettings Full { get; } = new(120, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2));

    /// <summary>The settings of a harness profile (quick, ci, full).</summary>
    public static PairedSettings For(string profile) => profile switch
    {
        "ci" => Ci,
        "full" => Full,
        _ => Quick,
    };
}
