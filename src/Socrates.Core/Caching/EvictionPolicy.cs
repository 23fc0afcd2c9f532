namespace Socrates.Core.Caching;

/// <summary>Which entry a full <see cref="BoundedCache{TKey, TValue}"/> gives up to make room.</summary>
public enum EvictionPolicy
{
    /// <summary>Least recently used: every hit moves the entry to the front of the queue.</summary>
    Lru = 0,

    /// <summary>
    /// SIEVE (Zhang et al., NSDI 2024): a hit only sets a "visited" bit; a hand sweeps from the
    /// oldest entry, clearing bits and evicting the first unvisited one. New entries are not
    /// promoted, so one-hit wonders leave quickly.
    /// </summary>
    Sieve = 1,
}
