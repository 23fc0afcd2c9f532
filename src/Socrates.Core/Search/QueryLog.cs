namespace Socrates.Core.Search;

/// <summary>
/// A uniform sample of fixed size of every query vector served so far (reservoir sampling,
/// Vitter's algorithm R, seeded): what a rebuild calibrates its default probes on, because the
/// index's own rows are easier queries than users' (see <see cref="CalibrationSource"/>).
/// Thread-safe; a query is copied only when it enters the sample.
/// </summary>
public sealed class QueryLog
{
    private readonly Lock _gate = new();
    private readonly float[][] _sample;
    private readonly Random _random;
    private int _filled;
    private long _seen;

    public QueryLog(int capacity, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _sample = new float[capacity][];
        _random = new Random(seed);
    }

    public int Capacity => _sample.Length;

    /// <summary>Queries recorded so far (the sample holds at most <see cref="Capacity"/> of them).</summary>
    public long Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen;
            }
        }
    }

    public void Record(ReadOnlySpan<float> query)
    {
        if (_sample.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _seen++;
            if (_filled < _sample.Length)
            {
                _sample[_filled++] = query.ToArray();
                return;
            }

            var slot = _random.NextInt64(_seen);
            if (slot < _sample.Length)
            {
                _sample[slot] = query.ToArray();
            }
        }
    }

    /// <summary>The sampled queries now, in slot order (the arrays are never written again).</summary>
    public IReadOnlyList<float[]> Snapshot()
    {
        lock (_gate)
        {
            return _sample.AsSpan(0, _filled).ToArray();
        }
    }
}
