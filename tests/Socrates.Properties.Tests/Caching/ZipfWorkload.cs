using Socrates.Core.Caching;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// A seeded Zipf request stream (rank r drawn with probability proportional to 1/r^s) and a
/// read-through replay of it against a <see cref="BoundedCache{TKey, TValue}"/>: a miss installs the
/// key, as the cached repository does. The hit rate is counted after a warm-up.
/// </summary>
public sealed class ZipfWorkload
{
    private readonly double[] _cdf;

    public ZipfWorkload(int keys, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keys, 1);
        Keys = keys;
        Exponent = exponent;
        _cdf = new double[keys];
        var sum = 0.0;
        for (var rank = 1; rank <= keys; rank++)
        {
            sum += 1.0 / Math.Pow(rank, exponent);
            _cdf[rank - 1] = sum;
        }

        for (var i = 0; i < keys; i++)
        {
            _cdf[i] /= sum;
        }
    }

    public int Keys { get; }

    public double Exponent { get; }

    /// <summary>The hit rate of an oracle holding the <paramref name="capacity"/> most popular keys: the ceiling for any policy under independent requests.</summary>
    public double OracleHitRate(int capacity) => _cdf[Math.Min(capacity, Keys) - 1];

    /// <summary>Draws <paramref name="count"/> keys (0 = most popular) from a seeded generator.</summary>
    public int[] Requests(int count, int seed)
    {
        var random = new Random(seed);
        var requests = new int[count];
        for (var i = 0; i < count; i++)
        {
            var index = Array.BinarySearch(_cdf, random.NextDouble());
            requests[i] = Math.Min(index < 0 ? ~index : index, Keys - 1);
        }

        return requests;
    }

    /// <summary>
    /// <paramref name="requests"/> with a scan of <paramref name="length"/> keys read once and never
    /// again (ids from <see cref="Keys"/> up: an export, a crawl of cold rows) after every
    /// <paramref name="every"/> requests: the pattern that flushes the hot set out of a cache that
    /// promotes every newcomer.
    /// </summary>
    public int[] WithScans(int[] requests, int every, int length)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var mixed = new List<int>(requests.Length + (requests.Length / every * length));
        var nextScanKey = Keys;
        for (var i = 0; i < requests.Length; i++)
        {
            mixed.Add(requests[i]);
            if ((i + 1) % every == 0)
            {
                for (var s = 0; s < length; s++)
                {
                    mixed.Add(nextScanKey++);
                }
            }
        }

        return [.. mixed];
    }

    /// <summary>Replays <paramref name="requests"/> read-through; returns the hit rate after <paramref name="warmup"/> requests.</summary>
    public static double Replay(int[] requests, int warmup, int capacity, EvictionPolicy policy)
    {
        var cache = new BoundedCache<int, int>(new BoundedCacheOptions<int, int>
        {
            MaxEntries = capacity,
            EvictionPolicy = policy,
            TimeToLive = Timeout.InfiniteTimeSpan,
        });
        long hits = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            var key = requests[i];
            if (cache.TryGet(key, out _))
            {
                if (i >= warmup)
                {
                    hits++;
                }
            }
            else
            {
                cache.Set(key, key);
            }
        }

        return (double)hits / (requests.Length - warmup);
    }
}
