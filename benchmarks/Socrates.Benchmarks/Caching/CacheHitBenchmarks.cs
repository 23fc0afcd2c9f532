using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Socrates.Core.Caching;

namespace Socrates.Benchmarks.Caching;

/// <summary>
/// A cache hit in <see cref="BoundedCache{TKey, TValue}"/> (lock-free: concurrent-dictionary lookup,
/// flush-stamp and expiry checks, SIEVE visit flag, striped hit counter) against a bare
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> lookup with the same key type and comparer, the
/// floor of any in-memory cache. <see cref="Lookups"/> hits per operation over 1,000 resident keys.
/// </summary>
public class CacheHitBenchmarks
{
    public const int Keys = 1000;
    public const int Lookups = 64;

    private readonly ConcurrentDictionary<string, object> _dictionary = new(StringComparer.Ordinal);
    private BoundedCache<string, object>? _cache;
    private string[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        _keys = [.. Enumerable.Range(0, Keys).Select(i => "project-" + i.ToString("D4", CultureInfo.InvariantCulture))];
        _cache = new BoundedCache<string, object>(new BoundedCacheOptions<string, object>
        {
            MaxEntries = Keys * 2,
            TimeToLive = TimeSpan.FromHours(1),
            KeyComparer = StringComparer.Ordinal,
        });
        foreach (var key in _keys)
        {
            var value = new object();
            _dictionary[key] = value;
            _cache.Set(key, value);
        }
    }

    /// <summary>The floor: a concurrent dictionary lookup.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lookups)]
    public int DictionaryHit()
    {
        var found = 0;
        for (var i = 0; i < Lookups; i++)
        {
            found += _dictionary.TryGetValue(_keys[(i * 37) % Keys], out _) ? 1 : 0;
        }

        return found;
    }

    /// <summary>The bounded cache's hit path.</summary>
    [Benchmark(OperationsPerInvoke = Lookups)]
    public int BoundedCacheHit()
    {
        var found = 0;
        for (var i = 0; i < Lookups; i++)
        {
            found += _cache!.TryGet(_keys[(i * 37) % Keys], out _) ? 1 : 0;
        }

        return found;
    }
}
