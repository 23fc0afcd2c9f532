using System.Numerics;
using System.Runtime.CompilerServices;

namespace Socrates.Core.Caching;

/// <summary>
/// Hit and miss counters of one cache, striped so that concurrent readers do not fight over one
/// cache line: a thread increments the stripe its stack address picks, the stripes lie 128 bytes
/// apart, and <see cref="Sum"/> adds them up.
/// </summary>
/// <remarks>
/// <para><b>Exact.</b> Increments are atomic (two threads may pick the same stripe), so the counts
/// are exact once readers are quiescent; a sum taken while reads run may miss reads in progress but
/// never counts one twice and never goes backwards.</para>
/// <para><b>Why the stack address picks the stripe.</b> Every thread has its own stack, megabytes
/// apart from the others, so the address of a local, hashed above 64 KiB, spreads threads over the
/// stripes like a per-thread index would, with no thread-local read at all. Measured on this suite's
/// 2-core KVM guest, in the cache-hit pair (a hit against a <c>ConcurrentDictionary</c> lookup): a
/// round-robin index kept in a <c>[ThreadStatic]</c> (a call to the runtime's thread-local helper
/// on every hit) read 1.89, the stack address 1.79; a <see cref="ThreadLocal{T}"/> cell cost 7-16 ns
/// a hit. A thread that recurses past 64 KiB may land on another stripe: harmless, as the
/// increments are atomic.</para>
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe int Slot()
    {
        // Fibonacci hashing of the 64 KiB region the caller's stack is in; the top 6 bits are enough for 64 stripes.
        byte onThisStack;
        var stripe = (int)((((ulong)&onThisStack >> 16) * 0x9E3779B97F4A7C15UL) >> 58) & _mask;
        return (stripe + 1) * Spacing;
    }
}
