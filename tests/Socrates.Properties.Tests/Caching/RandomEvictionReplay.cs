namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// A read-through cache that evicts a uniformly random entry: the policy that knows nothing, as a
/// reference point for the hit-rate gate's lines (a real policy must do clearly better than this).
/// </summary>
internal static class RandomEvictionReplay
{
    /// <summary>Replays <paramref name="requests"/>; returns the hit rate after <paramref name="warmup"/> requests.</summary>
    public static double HitRate(int[] requests, int warmup, int capacity, int seed)
    {
        var random = new Random(seed);
        var slots = new int[capacity];
        var slotOf = new Dictionary<int, int>(capacity);
        long hits = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            var key = requests[i];
            if (slotOf.ContainsKey(key))
            {
                if (i >= warmup)
                {
                    hits++;
                }

                continue;
            }

            var slot = slotOf.Count;
            if (slot == capacity)
            {
                slot = random.Next(capacity);
                slotOf.Remove(slots[slot]);
            }

            slots[slot] = key;
            slotOf[key] = slot;
        }

        return (double)hits / (requests.Length - warmup);
    }
}
