namespace Socrates.Core.Search;

/// <summary>
/// FNV-1a, the stable hash behind feature hashing and index checksums. Unlike
/// <see cref="string.GetHashCode()"/> (randomised per process) it gives the same value on every
/// run and machine, which is what makes stored vectors and golden expectations reproducible.
/// </summary>
internal static class Fnv1a
{
    public const uint Offset32 = 0x811C9DC5;
    public const ulong Offset64 = 0xCBF29CE484222325;
    private const uint Prime32 = 0x01000193;
    private const ulong Prime64 = 0x00000100000001B3;

    /// <summary>Hashes the UTF-16 code units of <paramref name="text"/> (low byte, then high byte).</summary>
    public static uint Hash32(ReadOnlySpan<char> text, uint seed = Offset32)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime32;
            hash = (hash ^ (byte)(c >> 8)) * Prime32;
        }

        return hash;
    }

    public static ulong Hash64(ReadOnlySpan<byte> bytes, ulong seed = Offset64)
    {
        var hash = seed;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime64;
        }

        return hash;
    }

    public static ulong Hash64(ReadOnlySpan<char> text, ulong seed = Offset64)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime64;
            hash = (hash ^ (byte)(c >> 8)) * Prime64;
        }

        return hash;
    }

    public static ulong Hash64(ulong value, ulong seed = Offset64)
    {
        var hash = seed;
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime64;
        }

        return hash;
    }
}
