using System.Globalization;

namespace Socrates.Core.Domain.Values;

/// <summary>
/// Naive datetimes as V1 and V2 write them. V2 always stores six fractional digits
/// (<c>yyyy-MM-ddTHH:mm:ss.ffffff</c>) so text order is time order; Python's
/// <c>isoformat()</c> drops the fraction when the microseconds are zero.
/// </summary>
public static class PyDateTime
{
    public const string StorageFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff";

    private static readonly string[] s_parseFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.ffffff",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.ffffff",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss.fff",
    ];

    /// <summary>Truncates to whole microseconds and drops the Kind (naive, like Python).</summary>
    public static DateTime Normalize(DateTime value) =>
        DateTime.SpecifyKind(new DateTime(value.Ticks - (value.Ticks % 10)), DateTimeKind.Unspecified);

    /// <summary>V2's storage text: always six fractional digits.</summary>
    public static string ToStorage(DateTime value) => value.ToString(StorageFormat, CultureInfo.InvariantCulture);

    public static string? ToStorage(DateTime? value) => value is { } v ? ToStorage(v) : null;

    /// <summary>What Python's <c>datetime.isoformat()</c> prints for a naive datetime.</summary>
    public static string ToIsoFormat(DateTime value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : ToStorage(value);

    /// <summary>Parses the forms above (naive; no offset accepted).</summary>
    public static bool TryParse(string? text, out DateTime value)
    {
        if (text is not null && DateTime.TryParseExact(
            text, s_parseFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            return true;
        }

        value = default;
        return false;
    }

    public static DateTime Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a naive ISO-8601 datetime ({StorageFormat}).");

    public static DateTime? ParseNullable(string? text) => text is null ? null : Parse(text);
}
