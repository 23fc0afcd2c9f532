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
        if (text is not null && TryParseStorage(text, out value))
        {
            return true;
        }

        if (text is not null && DateTime.TryParseExact(
            text, s_parseFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The hot path: exactly <see cref="StorageFormat"/> (what V2 writes), parsed digit by digit
    /// without culture machinery. Anything else falls back to the general parser.
    /// </summary>
    private static bool TryParseStorage(string t, out DateTime value)
    {
        value = default;
        if (t.Length != 26 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != '.')
        {
            return false;
        }

        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second)
            || !Digits(t, 20, 6, out var micro))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(micro * 10L);
        return true;
    }

    private static bool Digits(string t, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = t[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            number = (number * 10) + d;
        }

        return true;
    }

    public static DateTime Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a naive ISO-8601 datetime ({StorageFormat}).");

    public static DateTime? ParseNullable(string? text) => text is null ? null : Parse(text);
}
