namespace Socrates.Testing.Linearizability.Checking;

/// <summary>Helpers for the bitset of linearized operations (one bit per operation, ulong words).</summary>
internal static class Bitset
{
    public static ulong[] Create(int bits) => new ulong[(bits + 63) >> 6];

    public static void Set(ulong[] words, int bit) => words[bit >> 6] |= 1UL << (bit & 63);

    public static void Clear(ulong[] words, int bit) => words[bit >> 6] &= ~(1UL << (bit & 63));

    /// <summary>A well-mixed 64-bit key per operation (SplitMix64), for incremental Zobrist hashing of the set.</summary>
    public static ulong ZobristKey(int bit)
    {
        var z = (ulong)(bit + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
