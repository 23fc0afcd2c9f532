using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class ExpiryClockTests
{
    [Fact]
    public void IsBefore_FarFromDeadlineWithCoarseClock_DoesNotReadThePreciseClock()
    {
        var time = new CountingSystemTime();
        var clock = new ExpiryClock(time, coarse: true);
        var deadline = clock.DeadlineAfter(TimeSpan.FromHours(1));
        var readsAtInstall = time.TimestampReads;

        Assert.True(clock.IsBefore(deadline));
        Assert.Equal(readsAtInstall, time.TimestampReads);
    }

    [Fact]
    public void IsBeforeWithCoarse_ReadingTakenBeforeTheEntryWasInstalled_FreshWithoutThePreciseClock()
    {
        // The hit path reads the coarse clock before its lookup, so it may judge an entry installed
        // after that reading: such an entry is fresh, and the coarse comparison alone says so.
        var time = new CountingSystemTime();
        var clock = new ExpiryClock(time, coarse: true);
        var readBeforeInstall = CoarseMonotonicClock.Nanoseconds();
        var deadline = clock.DeadlineAfter(TimeSpan.FromMinutes(5));
        var readsAtInstall = time.TimestampReads;

        Assert.True(clock.IsBeforeWithCoarse(deadline, readBeforeInstall));
        Assert.Equal(readsAtInstall, time.TimestampReads);
    }

    [Fact]
    public void IsBeforeWithCoarse_ReadingPastTheCoarseDeadline_AsksThePreciseClock()
    {
        var time = new CountingSystemTime();
        var clock = new ExpiryClock(time, coarse: true);
        var deadline = clock.DeadlineAfter(TimeSpan.FromMinutes(5));
        var readsAtInstall = time.TimestampReads;

        // A coarse reading at the coarse deadline proves nothing; the precise clock (minutes before
        // the deadline) still says the entry is fresh.
        Assert.True(clock.IsBeforeWithCoarse(deadline, deadline.Coarse));
        Assert.Equal(readsAtInstall + 1, time.TimestampReads);
    }

    [Fact]
    public void DeadlineAfter_TimeToLiveWithinTheMargin_LeavesEveryReadToThePreciseClock()
    {
        var time = new CountingSystemTime();
        var clock = new ExpiryClock(time, coarse: true);
        var deadline = clock.DeadlineAfter(ExpiryClock.CoarseMargin);
        var readsAtInstall = time.TimestampReads;

        Assert.Equal(long.MinValue, deadline.Coarse);
        Assert.True(clock.IsBefore(deadline));
        Assert.Equal(readsAtInstall + 1, time.TimestampReads);
    }

    [Fact]
    public void Constructor_FakeProvider_NeverUsesTheCoarseClock()
    {
        var clock = new ExpiryClock(new FakeTimeProvider());

        Assert.False(clock.UsesCoarseClock);
    }

    [Fact]
    public void IsBefore_FakeProvider_ExpiresExactlyAtTheTimeToLive()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new ExpiryClock(time);
        var deadline = clock.DeadlineAfter(TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.True(clock.IsBefore(deadline));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.False(clock.IsBefore(deadline));
    }

    [Fact]
    public void DeadlineAfter_Infinite_NeverPasses()
    {
        var time = new FakeTimeProvider();
        var clock = new ExpiryClock(time);
        var deadline = clock.DeadlineAfter(Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromDays(36_500));

        Assert.True(clock.IsBefore(deadline));
        Assert.Equal(long.MaxValue, deadline.Precise);
    }

    [Fact]
    public void DeadlineAfter_TimeToLiveBeyondTheTimestampRange_SaturatesInsteadOfWrapping()
    {
        var clock = new ExpiryClock(TimeProvider.System);
        var deadline = clock.DeadlineAfter(TimeSpan.MaxValue);

        Assert.True(deadline.Precise > clock.Now());
        Assert.True(clock.IsBefore(deadline));
    }

    /// <summary>
    /// The soundness assumption of the coarse pre-check, checked on the machine that runs the
    /// suite: <see cref="CoarseMonotonicClock"/> is the precise monotonic clock truncated, never
    /// ahead of it and lagging it by far less than <see cref="ExpiryClock.CoarseMargin"/>.
    /// Robust to preemption: a delay between the readings only makes the bounds looser.
    /// </summary>
    [Fact]
    public void CoarseClock_WhereUsed_TracksThePreciseClockWithinTheMargin()
    {
        if (!new ExpiryClock(TimeProvider.System).UsesCoarseClock)
        {
            Assert.False(OperatingSystem.IsLinux());
            return;
        }

        Assert.True(CoarseMonotonicClock.IsDirect, $"clock_gettime was found in neither the vDSO nor libc; the cache hit reads {CoarseMonotonicClock.Source}");
        var worstLagNs = 0.0;
        for (var i = 0; i < 2_000; i++)
        {
            var coarseBefore = CoarseMonotonicClock.Nanoseconds();
            var preciseNs = Stopwatch.GetTimestamp() * 1e9 / Stopwatch.Frequency;
            var coarseAfter = CoarseMonotonicClock.Nanoseconds();

            Assert.True(coarseBefore <= preciseNs, $"coarse {coarseBefore} ns is ahead of precise {preciseNs:F0} ns");
            Assert.True(coarseBefore <= coarseAfter, $"the coarse clock went back from {coarseBefore} to {coarseAfter} ns");
            worstLagNs = Math.Max(worstLagNs, preciseNs - coarseAfter);
        }

        var marginNs = ExpiryClock.CoarseMargin.TotalMilliseconds * 1e6;
        Assert.True(
            worstLagNs < marginNs / 10,
            $"the coarse clock lagged the precise one by {worstLagNs / 1e6:F3} ms; the margin is {ExpiryClock.CoarseMargin.TotalMilliseconds} ms");
    }

    [Fact]
    public void CoarseClock_FallbackReading_AgreesWithTheDirectOne()
    {
        var direct = CoarseMonotonicClock.Nanoseconds();
        var tickCount = Environment.TickCount64 * 1_000_000;

        // Same clock, so within a tick plus the millisecond truncation (and any preemption in between).
        Assert.True(Math.Abs(direct - tickCount) < 100_000_000, $"direct {direct} ns against TickCount64 {tickCount} ns");
    }

    /// <summary>The system clock, counting reads of the precise timestamp.</summary>
    private sealed class CountingSystemTime : TimeProvider
    {
        private int _timestampReads;

        public int TimestampReads => Volatile.Read(ref _timestampReads);

        public override long TimestampFrequency => System.TimestampFrequency;

        public override long GetTimestamp()
        {
            Interlocked.Increment(ref _timestampReads);
            return System.GetTimestamp();
        }
    }
}
