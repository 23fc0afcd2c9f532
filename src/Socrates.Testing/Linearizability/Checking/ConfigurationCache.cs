namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The configurations a search has reached: (set of linearized operations, interned state), in
/// flat arrays rather than one object per configuration. Each costs its bitset words, its set
/// hash and state number, and two table slots; <see cref="BytesPerEntry"/> says how much.
/// Exact: equal hashes are confirmed on the full bitset.
/// </summary>
internal sealed class ConfigurationCache
{
    private const int ChunkEntries = 4096;

    private readonly int _words;
    private readonly List<ulong[]> _bits = [];
    private readonly List<ulong[]> _hashes = [];
    private readonly List<int[]> _states = [];
    private int[] _slots = new int[1024]; // entry index + 1; 0 is empty
    private int _count;

    public ConfigurationCache(int operations)
    {
        _words = (operations + 63) >> 6;
    }

    /// <summary>Configurations held.</summary>
    public int Count => _count;

    /// <summary>The bytes one configuration takes, table slots at the worst load included.</summary>
    public long BytesPerEntry => (8L * _words) + 8 + 4 + (2 * 4 * 2);

    /// <summary>Adds the configuration; false when it was already there.</summary>
    public bool TryAdd(ulong[] linearized, ulong setHash, int state)
    {
        var hash = Mix(setHash, state);
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var held = _slots[slot];
            if (held == 0)
            {
                Append(linearized, setHash, state);
                _slots[slot] = _count;
                if (_count * 2 > _slots.Length)
                {
                    Grow();
                }

                return true;
            }

            if (Matches(held - 1, linearized, setHash, state))
            {
                return false;
            }
        }
    }

    private static ulong Mix(ulong setHash, int state)
    {
        var z = setHash ^ ((ulong)(uint)state * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 29)) * 0xBF58476D1CE4E5B9UL;
        return z ^ (z >> 32);
    }

    private bool Matches(int index, ulong[] linearized, ulong setHash, int state)
    {
        var (chunk, offset) = (index / ChunkEntries, index % ChunkEntries);
        return _hashes[chunk][offset] == setHash
            && _states[chunk][offset] == state
            && _bits[chunk].AsSpan(offset * _words, _words).SequenceEqual(linearized);
    }

    private void Append(ulong[] linearized, ulong setHash, int state)
    {
        var (chunk, offset) = (_count / ChunkEntries, _count % ChunkEntries);
        if (chunk == _bits.Count)
        {
            _bits.Add(new ulong[ChunkEntries * _words]);
            _hashes.Add(new ulong[ChunkEntries]);
            _states.Add(new int[ChunkEntries]);
        }

        linearized.AsSpan().CopyTo(_bits[chunk].AsSpan(offset * _words, _words));
        _hashes[chunk][offset] = setHash;
        _states[chunk][offset] = state;
        _count++;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var index = 0; index < _count; index++)
        {
            var (chunk, offset) = (index / ChunkEntries, index % ChunkEntries);
            var slot = (int)Mix(_hashes[chunk][offset], _states[chunk][offset]) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = index + 1;
        }

        _slots = slots;
    }
}
