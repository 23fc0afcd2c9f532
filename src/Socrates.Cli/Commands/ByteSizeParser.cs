using System.Globalization;

namespace Socrates.Cli.Commands;

/// <summary>Parses sizes such as <c>512MB</c>, <c>1GB</c>, <c>64MiB</c>, <c>800k</c> or a bare number of bytes (units are powers of 1024).</summary>
public static class ByteSizeParser
{
    private static readonly (string Suffix, long Bytes)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
    ];

    /// <summary>The size in bytes, or null with <paramref name="error"/> set.</summary>
    public static long? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var (suffix, bytes) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return Positive(trimmed[..^suffix.Length], bytes, text, out error);
            }
        }

        return Positive(trimmed, 1, text, out error);
    }

    private static long? Positive(string number, long unit, string text, out string? error)
    {
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount * unit is >= 1 and < long.MaxValue)
        {
            error = null;
            return (long)(amount * unit);
        }

        error = $"'{text}' is not a positive size; use e.g. 256MB, 1GB or a number of bytes.";
        return null;
    }
}
