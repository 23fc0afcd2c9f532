namespace Socrates.Core.Search;

/// <summary>
/// A uniform sample of fixed size of every query vector served so far (reservoir sampling,
/// Vitter's algorithm R): what a rebuild calibrates its default probes on, because the index's
/// own rows are easier queries than users' (see <see cref="CalibrationSource"/>).
/// <para>
/// Lock-free, so that searching stays lock-free: the n-th query takes slot n - 1 while the
/// sample fills, then replaces slot j with j a seeded hash of n modulo n, when j falls inside
/// the sample. A query is copied only when it enters the sample.
/// </para>
/// </summary>
public sealed class QueryLog
{
    private readonly float[]?[] _sample;
    private readonly ulong _seed;
    private long _seen;

    public QueryLog(int capacity, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _sample = new float[capacity][];
        _seed = (ulong)seed;
    }

    public int Capacity => _sample.Length;

    /// <summary>Queries recorded so far (the sample holds at most <see cref="Capacity"/> of them).</summary>
    public long Seen => Interlocked.Read(ref _seen);

    public void Record(ReadOnlySpan<float> query)
    {
        if (_sample.Length == 0)
        {
            return;
        }

        var n = Interlocked.Increment(ref _seen);
        var slot = n <= _sample.Length ? n - 1 : (long)(Mix(_seed ^ (ulong)n) % (ulong)n);
        if (slot < _sample.Length)
        {
            Volatile.Write(ref _sample[slot], query.ToArray());
        }
    }

    /// <summary>The sampled queries now, in slot order (a slot still being filled is left out; the arrays are never written again).</summary>
    public IReadOnlyList<float[]> Snapshot()
    {
        var result = new List<float[]>(_sample.Length);
        for (var i = 0; i < _sample.Length; i++)
        {
            if (Volatile.Read(ref _sample[i]) is { } query)
            {
                result.Add(query);
            }
        }

        return result;
    }

    // SplitMix64's finaliser: a well-mixed, seeded stand-in for a random draw per query number.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
