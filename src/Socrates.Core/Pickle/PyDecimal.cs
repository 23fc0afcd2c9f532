using System.Globalization;
using System.Numerics;
using System.Text;

namespace Socrates.Core.Pickle;

/// <summary>
/// Converts between Python's <c>str(Decimal)</c> form and <see cref="decimal"/>, exactly: the
/// scale is kept ("1.50" stays 1.50, "-0.00" keeps its sign), and a value System.Decimal cannot
/// hold exactly is refused rather than rounded. A positive exponent ("1E+2") becomes the integer
/// it denotes (100, scale 0): System.Decimal has no positive exponents, so the value is kept and
/// that spelling is not.
/// </summary>
public static class PyDecimal
{
    private const int MaxScale = 28;
    private static readonly BigInteger s_maxCoefficient = (BigInteger.One << 96) - 1;

    /// <summary>Parses Python decimal text; false (with a reason) when it is not an exact System.Decimal.</summary>
    public static bool TryParse(string text, out decimal value, out string? error)
    {
        value = 0m;
        error = null;
        var s = text.AsSpan().Trim();
        if (s.Length == 0)
        {
            error = "empty decimal string";
            return false;
        }

        var negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length > 0 && (char.IsLetter(s[0])))
        {
            error = $"Decimal('{text}') is NaN or Infinity, which System.Decimal cannot hold";
            return false;
        }

        var digits = new StringBuilder(s.Length);
        var fractionDigits = 0;
        var seenPoint = false;
        var i = 0;
        for (; i < s.Length && s[i] is (>= '0' and <= '9') or '.' or '_'; i++)
        {
            if (s[i] == '.')
            {
                if (seenPoint)
                {
                    error = $"'{text}' has two decimal points";
                    return false;
                }

                seenPoint = true;
            }
            else if (s[i] != '_')
            {
                digits.Append(s[i]);
                if (seenPoint)
                {
                    fractionDigits++;
                }
            }
        }

        if (digits.Length == 0)
        {
            error = $"'{text}' has no digits";
            return false;
        }

        long exponent = 0;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E')
                || !long.TryParse(s[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 1_000_000)
            {
                error = $"'{text}' is not a decimal number";
                return false;
            }
        }

        var coefficient = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        var pythonExponent = exponent - fractionDigits;
        int scale;
        if (pythonExponent > 0)
        {
            if (!coefficient.IsZero && pythonExponent > 29)
            {
                error = $"Decimal('{text}') is larger than System.Decimal allows";
                return false;
            }

            coefficient *= coefficient.IsZero ? BigInteger.One : BigInteger.Pow(10, (int)pythonExponent);
            scale = 0;
        }
        else
        {
            if (-pythonExponent > MaxScale)
            {
                error = $"Decimal('{text}') has {-pythonExponent} decimal places; System.Decimal holds at most {MaxScale}";
                return false;
            }

            scale = (int)-pythonExponent;
        }

        if (coefficient > s_maxCoefficient)
        {
            error = $"Decimal('{text}') has more significant digits than System.Decimal holds (96-bit coefficient)";
            return false;
        }

        var bytes = new byte[12];
        coefficient.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        value = new decimal(
            BitConverter.ToInt32(bytes, 0), BitConverter.ToInt32(bytes, 4), BitConverter.ToInt32(bytes, 8), negative, (byte)scale);
        return true;
    }

    /// <summary>Parses Python decimal text or throws <see cref="FormatException"/> with the reason.</summary>
    public static decimal Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>The text Python's <c>Decimal(...)</c> reads back to the same value and scale (sign of zero kept).</summary>
    public static string Format(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var negative = (bits[3] & int.MinValue) != 0;
        var scale = (bits[3] >> 16) & 0xFF;
        Span<byte> magnitude = stackalloc byte[12];
        BitConverter.TryWriteBytes(magnitude[..4], bits[0]);
        BitConverter.TryWriteBytes(magnitude[4..8], bits[1]);
        BitConverter.TryWriteBytes(magnitude[8..], bits[2]);
        var digits = new BigInteger(magnitude, isUnsigned: true, isBigEndian: false).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }

        return negative ? "-" + digits : digits;
    }
}
