using System.Diagnostics.CodeAnalysis;

namespace Socrates.Core.Caching;

/// <summary>
/// Hit and miss counters of one cache, kept per thread so that a hit costs a plain increment of
/// a field only its own thread writes: no lock, no atomic instruction, no cache line shared with
/// other cores. <see cref="Sum"/> adds up every thread's cell, including the cells of threads
/// that have since ended (the thread-local store tracks all values).
/// </summary>
/// <remarks>
/// Exact once the readers are quiescent; a sum taken while reads run may miss reads in progress
/// but never counts a read twice and never goes backwards (each cell only grows, and a 64-bit
/// field is read and written whole on the 64-bit runtimes .NET 10 supports).
/// </remarks>
[SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The cache has no lifetime to end (it is not disposable and its owners never dispose it); ThreadLocal's finalizer releases its slot once the cache is unreachable.")]
internal sealed class ReadCounters
{
    private readonly ThreadLocal<Cell> _cells = new(static () => new Cell(), trackAllValues: true);

    /// <summary>The calling thread's cell (created on its first read of this cache).</summary>
    public Cell Mine => _cells.Value!;

    /// <summary>Hits and misses over every thread's cell.</summary>
    public (long Hits, long Misses) Sum()
    {
        long hits = 0;
        long misses = 0;
        foreach (var cell in _cells.Values)
        {
            hits += Volatile.Read(ref cell.Hits);
            misses += Volatile.Read(ref cell.Misses);
        }

        return (hits, misses);
    }

    /// <summary>One thread's counts; written only by that thread.</summary>
    internal sealed class Cell
    {
        public long Hits;
        public long Misses;
    }
}
