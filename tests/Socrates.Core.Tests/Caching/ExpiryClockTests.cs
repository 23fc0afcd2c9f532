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
    /// suite: <see cref="Environment.TickCount64"/> is the precise monotonic clock truncated, never
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

        var worstLagMs = 0.0;
        for (var i = 0; i < 2_000; i++)
        {
            var coarseBefore = Environment.TickCount64;
            var preciseMs = Stopwatch.GetTimestamp() * 1_000.0 / Stopwatch.Frequency;
            var coarseAfter = Environment.TickCount64;

            Assert.True(coarseBefore <= preciseMs, $"coarse {coarseBefore} ms is ahead of precise {preciseMs:F3} ms");
            worstLagMs = Math.Max(worstLagMs, preciseMs - coarseAfter);
        }

        Assert.True(
            worstLagMs < ExpiryClock.CoarseMargin.TotalMilliseconds / 10,
            $"the coarse clock lagged the precise one by {worstLagMs:F3} ms; the margin is {ExpiryClock.CoarseMargin.TotalMilliseconds} ms");
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
