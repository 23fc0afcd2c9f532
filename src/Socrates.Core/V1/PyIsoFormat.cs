using System.Globalization;

namespace Socrates.Core.V1;

/// <summary>Python's <c>datetime.isoformat()</c> / <c>date.isoformat()</c>, as V1 wrote its timestamp columns.</summary>
internal static class PyIsoFormat
{
    public static string Format(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerSecond / 10 == 0
            ? value.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The column text for a dict value: datetimes and dates formatted, strings as they are, anything else null.</summary>
    public static string? Column(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out var value)
            ? value switch
            {
                DateTime moment => Format(moment),
                DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string text => text,
                _ => null,
            }
            : null;
}
