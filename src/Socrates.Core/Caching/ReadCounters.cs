using System.Numerics;

namespace Socrates.Core.Caching;

/// <summary>
/// Hit and miss counters of one cache, striped so that concurrent readers do not fight over one
/// cache line: each thread increments its own stripe (chosen once per thread, round robin), the
/// stripes lie 128 bytes apart, and <see cref="Sum"/> adds them up.
/// </summary>
/// <remarks>
/// Increments are atomic (threads beyond the stripe count share stripes), so the counts are exact
/// once readers are quiescent; a sum taken while reads run may miss reads in progress but never
/// counts one twice and never goes backwards. Measured on this suite's 2-core KVM guest, a shared
/// counter's uncontended atomic add and the thread-static stripe index cost a few nanoseconds;
/// a <see cref="ThreadLocal{T}"/> cell cost 7-16 ns (a generic thread-static lookup), more than
/// its plain increment saved.
/// </remarks>
internal sealed class ReadCounters
{
    // 16 longs = 128 bytes: a cache line and its adjacent-line prefetch partner per stripe.
    private const int Spacing = 16;

    private readonly long[] _hits;
    private readonly long[] _misses;
    private readonly int _mask;

    /// <summary>Creates counters with a power-of-two number of stripes, twice the processors (2 to 64).</summary>
    public ReadCounters()
    {
        var stripes = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount * 2, 2, 64));
        _mask = stripes - 1;

        // One spare stripe in front keeps the first one off the array header's line.
        _hits = new long[(stripes + 1) * Spacing];
        _misses = new long[(stripes + 1) * Spacing];
    }

    /// <summary>Counts one hit on the calling thread's stripe.</summary>
    public void Hit() => Interlocked.Increment(ref _hits[Slot()]);

    /// <summary>Counts one miss on the calling thread's stripe.</summary>
    public void Miss() => Interlocked.Increment(ref _misses[Slot()]);

    /// <summary>Hits and misses over every stripe.</summary>
    public (long Hits, long Misses) Sum()
    {
        long hits = 0;
        long misses = 0;
        for (var slot = Spacing; slot < _hits.Length; slot += Spacing)
        {
            hits += Volatile.Read(ref _hits[slot]);
            misses += Volatile.Read(ref _misses[slot]);
        }

        return (hits, misses);
    }

    private int Slot() => ((ThreadStripe.Index & _mask) + 1) * Spacing;
}
