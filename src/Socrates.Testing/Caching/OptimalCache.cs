namespace Socrates.Testing.Caching;

/// <summary>
/// Belady's MIN (the offline optimum, "OPT"): replays a request trace through a read-through cache
/// of a given capacity that, when full, evicts the entry whose next request lies farthest in the
/// future (never requested again counts as farthest). No policy that installs every missed key, as
/// a read-through cache does, can score more hits on the same trace, so a cache's hits over these
/// hits judge its eviction policy on that trace, whatever the trace's own ceiling is.
/// </summary>
public static class OptimalCache
{
    /// <summary>
    /// Hits of the optimal cache on <paramref name="trace"/>, counting only requests at positions
    /// <paramref name="warmup"/> and later (the cache starts empty and fills during the warm-up, as
    /// the cache it is compared with does).
    /// </summary>
    public static long Hits<TKey>(IReadOnlyList<TKey> trace, int capacity, int warmup = 0)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);

        var nextUse = NextUses(trace);

        // Resident keys with their next use. The heap holds (key, next use) pairs, farthest first;
        // a hit pushes the key's new next use and leaves the old pair behind, so a pair is current
        // only while it matches the resident entry (lazy deletion keeps every step O(log n)).
        var resident = new Dictionary<TKey, int>(capacity);
        var farthestFirst = new PriorityQueue<TKey, int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        long hits = 0;
        for (var i = 0; i < trace.Count; i++)
        {
            var key = trace[i];
            if (resident.ContainsKey(key))
            {
                if (i >= warmup)
                {
                    hits++;
                }
            }
            else if (resident.Count == capacity)
            {
                EvictFarthest(resident, farthestFirst);
            }

            resident[key] = nextUse[i];
            farthestFirst.Enqueue(key, nextUse[i]);
        }

        return hits;
    }

    /// <summary>For each position, the position of the same key's next request, or <see cref="int.MaxValue"/> if none.</summary>
    private static int[] NextUses<TKey>(IReadOnlyList<TKey> trace)
        where TKey : notnull
    {
        var nextUse = new int[trace.Count];
        var seenAt = new Dictionary<TKey, int>();
        for (var i = trace.Count - 1; i >= 0; i--)
        {
            nextUse[i] = seenAt.TryGetValue(trace[i], out var next) ? next : int.MaxValue;
            seenAt[trace[i]] = i;
        }

        return nextUse;
    }

    private static void EvictFarthest<TKey>(Dictionary<TKey, int> resident, PriorityQueue<TKey, int> farthestFirst)
        where TKey : notnull
    {
        while (farthestFirst.TryDequeue(out var key, out var next))
        {
            if (resident.TryGetValue(key, out var current) && current == next)
            {
                resident.Remove(key);
                return;
            }
        }

        throw new InvalidOperationException("The cache is full but no resident key is in the eviction queue.");
    }
}
