namespace Socrates.Core.Pickle;

/// <summary>
/// Limits that keep a hostile pickle from exhausting memory or stack. Every limit breach is a
/// <see cref="PickleFormatException"/> with its own <see cref="PickleErrorCode"/>.
/// </summary>
public sealed record PickleDecoderOptions
{
    /// <summary>Hard ceiling for <see cref="MaxDepth"/>: deeper trees risk the thread's stack.</summary>
    public const int DepthCeiling = 10_000;

    public static PickleDecoderOptions Default { get; } = new();

    /// <summary>Largest input accepted (default 64 MiB).</summary>
    public long MaxInputBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Most values in the result, counted as a tree (a list shared twice counts twice, so memo
    /// references cannot amplify a small input into a huge value). Default 10 million.
    /// </summary>
    public long MaxItems { get; init; } = 10_000_000;

    /// <summary>Deepest container nesting (default 1,000, like CPython's recursion limit).</summary>
    public int MaxDepth { get; init; } = 1_000;

    /// <summary>Longest text integer or decimal string, in characters (default 4,300, CPython's int_max_str_digits).</summary>
    public int MaxNumberDigits { get; init; } = 4_300;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid limit.</summary>
    public PickleDecoderOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInputBytes, 1L, nameof(MaxInputBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxItems, 1L, nameof(MaxItems));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxDepth, DepthCeiling, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNumberDigits, 20, nameof(MaxNumberDigits));
        return this;
    }
}
