namespace Socrates.Testing.Concurrency;

/// <summary>How hard <see cref="ProgramShrinker"/> tries.</summary>
public sealed record ShrinkOptions
{
    /// <summary>5 tries per candidate, 60 s in all.</summary>
    public static ShrinkOptions Default { get; } = new();

    /// <summary>Runs of one candidate before it is judged passing (interleavings vary).</summary>
    public int TriesPerCandidate { get; init; } = 5;

    /// <summary>Wall-clock budget; when spent, the smallest failing program so far is reported.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(60);
}
