using System.Globalization;

namespace Socrates.Cli.Commands;

/// <summary>Parses durations such as <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c>, a bare number of seconds, or <c>hh:mm:ss</c>.</summary>
public static class DurationParser
{
    /// <summary>The duration, or null with <paramref name="error"/> set.</summary>
    public static TimeSpan? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var trimmed = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                return Positive(TimeSpan.FromSeconds(amount * seconds), text, out error);
            }
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            return Positive(TimeSpan.FromSeconds(bare), text, out error);
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span))
        {
            return Positive(span, text, out error);
        }

        error = $"'{text}' is not a duration; use e.g. 500ms, 10s, 2m or 1h.";
        return null;
    }

    private static TimeSpan? Positive(TimeSpan value, string text, out string? error)
    {
        if (value > TimeSpan.Zero)
        {
            error = null;
            return value;
        }

        error = $"The duration '{text}' must be positive.";
        return null;
    }
}
