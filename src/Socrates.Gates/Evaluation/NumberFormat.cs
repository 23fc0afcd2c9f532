using System.Globalization;

namespace Socrates.Gates.Evaluation;

/// <summary>Numbers as people read them in reports: invariant, up to six decimals, exponent only when needed.</summary>
internal static class NumberFormat
{
    public static string Of(double value)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude >= 1e9 || magnitude < 1e-6)
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : value.ToString("0.######", CultureInfo.InvariantCulture);
    }

    public static string Of(double? value) => value is null ? "" : Of(value.Value);
}
