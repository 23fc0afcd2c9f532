using System.Runtime.CompilerServices;

namespace Socrates.Core.Caching;

/// <summary>
/// Expiry arithmetic of a cache in the injected <see cref="TimeProvider"/>'s timestamp units
/// (<see cref="TimeProvider.GetTimestamp"/>: monotonic, no <see cref="DateTimeOffset"/> built per
/// read), with a cheap pre-check that proves "not expired yet" without reading the precise clock.
/// </summary>
/// <remarks>
/// <para><b>Why a pre-check.</b> On the machines this suite runs on (KVM guests whose clock source
/// is <c>kvm-clock</c>), <c>clock_gettime(CLOCK_MONOTONIC)</c> behind <see cref="TimeProvider.System"/>
/// costs a system call, 80-140 ns measured, several times a whole dictionary lookup, so a hit that
/// read it could never come within 2x of one.</para>
/// <para><b>The pre-check and why it is sound.</b> Only when the provider is
/// <see cref="TimeProvider.System"/> on Linux. There <see cref="CoarseMonotonicClock"/> reads
/// <c>CLOCK_MONOTONIC_COARSE</c> (a memory read in the vDSO, 2.3 ns): the same clock as the precise
/// timestamp, truncated to the last kernel tick, so it is never ahead of it and lags it by at most
/// one tick (at most 10 ms at HZ = 100). An entry records the coarse clock
/// <i>before</i> the precise one when it is installed and gets a coarse deadline of that reading
/// plus its time to live minus <see cref="CoarseMargin"/> (1 s, a hundred times the worst lag).
/// A read at coarse time <c>c &lt; deadline</c> therefore happens before precise install time plus
/// the time to live: inside the last second of an entry's life, and for any time to live of a second
/// or less, every read takes the precise clock. Other providers (a <c>FakeTimeProvider</c> in tests)
/// and other systems (where the tick count and the precise clock may count sleep differently) always
/// read the precise clock: their expiry is exactly what the provider says.</para>
/// </remarks>
internal sealed class ExpiryClock
{
    /// <summary>How far ahead of the coarse deadline the precise deadline lies.</summary>
    public static readonly TimeSpan CoarseMargin = TimeSpan.FromSeconds(1);

    private const long NanosecondsPerTick = 100;

    private readonly TimeProvider _time;
    private readonly long _frequency;

    /// <summary>Wraps <paramref name="time"/>; the coarse pre-check is on only where it is sound.</summary>
    public ExpiryClock(TimeProvider time)
        : this(time, ReferenceEquals(time, TimeProvider.System) && OperatingSystem.IsLinux())
    {
    }

    /// <summary>For tests: forces the coarse pre-check on or off.</summary>
    internal ExpiryClock(TimeProvider time, bool coarse)
    {
        _time = time;
        _frequency = time.TimestampFrequency;
        UsesCoarseClock = coarse;
    }

    /// <summary>True when hits far from expiry are proven fresh by the coarse clock.</summary>
    public bool UsesCoarseClock { get; }

    /// <summary>The precise now, in the provider's timestamp units.</summary>
    public long Now() => _time.GetTimestamp();

    /// <summary>The deadlines of an entry installed now with <paramref name="ttl"/> (infinite: never).</summary>
    public Deadline DeadlineAfter(TimeSpan ttl)
    {
        if (ttl == Timeout.InfiniteTimeSpan)
        {
            return new Deadline(long.MaxValue, long.MaxValue);
        }

        // Coarse first, precise second: the coarse reading is then no later than the precise one.
        var coarse = long.MinValue;
        if (UsesCoarseClock && ttl > CoarseMargin)
        {
            var coarseNow = CoarseMonotonicClock.Nanoseconds();
            var ahead = (ttl - CoarseMargin).Ticks;
            coarse = ahead >= (long.MaxValue - 1 - coarseNow) / NanosecondsPerTick
                ? long.MaxValue - 1
                : coarseNow + (ahead * NanosecondsPerTick);
        }

        var now = _time.GetTimestamp();
        var span = (Int128)ttl.Ticks * _frequency / TimeSpan.TicksPerSecond;
        var precise = now + span >= long.MaxValue ? long.MaxValue - 1 : (long)(now + span);
        return new Deadline(precise, coarse);
    }

    /// <summary>True when <paramref name="deadline"/> has not passed; the coarse clock first, when it can tell.</summary>
    /// <remarks>
    /// One comparison on the hit path: the coarse deadline already says what to do, being
    /// <see cref="long.MaxValue"/> for an infinite time to live (always before) and
    /// <see cref="long.MinValue"/> where the coarse clock is not used or cannot tell (never before,
    /// so the precise clock decides).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsBefore(in Deadline deadline) => IsBeforeWithCoarse(deadline, CoarseMonotonicClock.Nanoseconds());

    /// <summary>As <see cref="IsBefore(in Deadline)"/>, with the coarse clock read by the caller (<paramref name="coarseNow"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsBeforeWithCoarse(in Deadline deadline, long coarseNow) =>
        coarseNow < deadline.Coarse || IsBeforePrecisely(deadline);

    // The precise read, kept out of the inlined hit path (inside an entry's last second only).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool IsBeforePrecisely(in Deadline deadline) => _time.GetTimestamp() < deadline.Precise;

    /// <summary>True when <paramref name="deadline"/> has not passed at precise time <paramref name="now"/>.</summary>
    public static bool IsBefore(in Deadline deadline, long now) => now < deadline.Precise;

    /// <summary>
    /// When an entry stops being served: <see cref="Precise"/> in provider timestamp units (the
    /// truth), <see cref="Coarse"/> in <see cref="CoarseMonotonicClock"/> nanoseconds (a
    /// conservative early bound; <see cref="long.MinValue"/> when unused). Both
    /// <see cref="long.MaxValue"/> for an infinite time to live.
    /// </summary>
    internal readonly record struct Deadline(long Precise, long Coarse);
}
