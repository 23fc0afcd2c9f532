using Microsoft.Extensions.Time.Testing;
using Socrates.Core.Migration.Progress;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>Progress, rate and ETA on a fake clock (here because this project references the fake clock).</summary>
[Trait("Category", "Unit")]
public sealed class MigrationProgressTests
{
    [Fact]
    public void Advance_SteadyRate_RateAndEtaExact()
    {
        var clock = new FakeTimeProvider();
        var reported = new List<MigrationProgressSnapshot>();
        var progress = new MigrationProgress(1_000, new SyncProgress<MigrationProgressSnapshot>(reported.Add), clock, TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Advance(100);
        clock.Advance(TimeSpan.FromSeconds(1));
        var snapshot = progress.Advance(100);

        Assert.Equal(200, snapshot.RowsDone);
        Assert.Equal(0.2, snapshot.Fraction, 10);
        Assert.Equal(100.0, snapshot.RowsPerSecond, 6);
        Assert.Equal(TimeSpan.FromSeconds(8), snapshot.Eta);
        Assert.Equal(TimeSpan.FromSeconds(2), snapshot.Elapsed);
        Assert.Equal(2, reported.Count);
    }

    [Fact]
    public void Advance_SpeedChanges_RateFollowsSlidingWindow()
    {
        var clock = new FakeTimeProvider();
        var progress = new MigrationProgress(100_000, null, clock, TimeSpan.FromSeconds(5));

        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Advance(1_000); // 1000 rows/s for 20 s
        }

        MigrationProgressSnapshot snapshot = null!;
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            snapshot = progress.Advance(100); // then 100 rows/s for 10 s
        }

        // The average since start would be 21000/30 = 700 rows/s; the window sees only the slow part.
        Assert.InRange(snapshot.RowsPerSecond, 99.0, 101.0);
        Assert.Equal(TimeSpan.FromSeconds((100_000 - 21_000) / 100.0).TotalSeconds, snapshot.Eta!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void Advance_NoTimePassed_EtaUnknown()
    {
        var clock = new FakeTimeProvider();
        var progress = new MigrationProgress(10, null, clock);

        var snapshot = progress.Advance(5);

        Assert.Null(snapshot.Eta);
        Assert.Equal(0.0, snapshot.RowsPerSecond);
    }

    [Fact]
    public void Advance_AllRowsDone_EtaZero()
    {
        var clock = new FakeTimeProvider();
        var progress = new MigrationProgress(10, null, clock, rowsDone: 4);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        var snapshot = progress.Advance(6);

        Assert.Equal(TimeSpan.Zero, snapshot.Eta);
        Assert.Equal(1.0, snapshot.Fraction);
        Assert.Equal(12.0, snapshot.RowsPerSecond, 6);
    }

    [Fact]
    public void Constructor_NegativeTotal_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MigrationProgress(-1));
    }
}
