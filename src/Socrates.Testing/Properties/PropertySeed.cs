using System.Globalization;
using System.Security.Cryptography;
using FsCheck;

namespace Socrates.Testing.Properties;

/// <summary>
/// The random state a property run starts from, printed on failure and read back from
/// <c>SOCRATES_PBT_REPLAY</c> (<c>seed,gamma</c>) so the very same cases run again.
/// </summary>
public readonly record struct PropertySeed(ulong Seed, ulong Gamma)
{
    public const string EnvironmentVariable = "SOCRATES_PBT_REPLAY";

    /// <summary>The seed to replay if <c>SOCRATES_PBT_REPLAY</c> is set, else a fresh one.</summary>
    public static PropertySeed FromEnvironmentOrNew()
    {
        var replay = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(replay) ? New() : Parse(replay);
    }

    public static PropertySeed New()
    {
        // SplitMix's gamma must be odd; both halves come from the OS generator.
        var bytes = RandomNumberGenerator.GetBytes(16);
        return new PropertySeed(BitConverter.ToUInt64(bytes, 0), BitConverter.ToUInt64(bytes, 8) | 1UL);
    }

    /// <summary>Parses <c>seed,gamma</c> (FsCheck's own replay pair, parentheses allowed).</summary>
    public static PropertySeed Parse(string text)
    {
        var parts = text.Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gamma))
        {
            throw new FormatException(
                $"{EnvironmentVariable}='{text}' is not a replay seed; expected 'seed,gamma' as printed by a failing property.");
        }

        return new PropertySeed(seed, gamma);
    }

    public Rnd ToRnd() => new(Seed, Gamma);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Seed},{Gamma}");
}
