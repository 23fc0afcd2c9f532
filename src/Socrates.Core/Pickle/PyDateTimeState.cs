using Socrates.Core.Pickle.Faults;

namespace Socrates.Core.Pickle;

/// <summary>
/// CPython's pickled state of <c>datetime.datetime</c> (10 bytes: year big-endian, month with the
/// fold flag in its top bit, day, hour, minute, second, microseconds big-endian in 3 bytes) and
/// of <c>datetime.date</c> (the first 4 of those).
/// </summary>
internal static class PyDateTimeState
{
    public const int DateTimeLength = 10;
    public const int DateLength = 4;

    /// <summary>The state bytes of <paramref name="value"/> (Kind ignored; sub-microsecond ticks dropped).</summary>
    public static byte[] Encode(DateTime value)
    {
        var microseconds = (int)(value.Ticks % TimeSpan.TicksPerSecond / 10);
        return
        [
            (byte)(value.Year >> 8), (byte)value.Year, (byte)value.Month, (byte)value.Day,
            (byte)value.Hour, (byte)value.Minute, (byte)value.Second,
            (byte)(microseconds >> 16), (byte)(microseconds >> 8), (byte)microseconds,
        ];
    }

    public static byte[] Encode(DateOnly value) =>
        [(byte)(value.Year >> 8), (byte)value.Year, (byte)value.Month, (byte)value.Day];

    public static bool TryDecodeDateTime(ReadOnlySpan<byte> state, out DateTime value, out string? error)
    {
        value = default;
        if (state.Length != DateTimeLength)
        {
            error = $"datetime state must be {DateTimeLength} bytes, got {state.Length}";
            return false;
        }

        if (!TryDecodeDate(state[..DateLength], out var date, out error))
        {
            return false;
        }

        int hour = state[4], minute = state[5], second = state[6];
        var microsecond = (state[7] << 16) | (state[8] << 8) | state[9];
        if (hour > 23 || minute > 59 || second > 59 || microsecond > 999_999)
        {
            error = $"datetime state has time {hour}:{minute}:{second}.{microsecond}, which is out of range";
            return false;
        }

        value = new DateTime(date.Year, date.Month, date.Day, hour, minute, second, DateTimeKind.Unspecified)
            .AddTicks(PickleFaults.Microseconds(microsecond) * 10L);
        return true;
    }

    public static bool TryDecodeDate(ReadOnlySpan<byte> state, out DateOnly value, out string? error)
    {
        value = default;
        error = null;
        if (state.Length != DateLength)
        {
            error = $"date state must be {DateLength} bytes, got {state.Length}";
            return false;
        }

        var year = (state[0] << 8) | state[1];
        var month = state[2] & 0x7F; // the top bit is datetime's fold flag; it does not change a naive value
        var day = state[3];
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"date state {year:D4}-{month:D2}-{day:D2} is not a valid date";
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }
}
