using System.Text;

namespace Socrates.Properties.Tests.Stress;

/// <summary>The give-back arithmetic and the schedstat parsing on hand-made figures: no threads, no clock.</summary>
[Trait("Category", "Unit")]
public sealed class PhaseThroughputTests
{
    [Fact]
    public void Of_NothingQueued_ThroughputAsMeasured()
    {
        var phase = PhaseThroughput.Of(TimeSpan.FromSeconds(1), [(1_000, TimeSpan.FromSeconds(1), TimeSpan.Zero), (500, TimeSpan.FromSeconds(1), TimeSpan.Zero)]);

        Assert.Equal(1_500, phase.Measured, 6);
        Assert.Equal(1_500, phase.Throughput, 6);
        Assert.Equal(0, phase.GivenBack);
    }

    [Fact]
    public void Of_HalfTheTimeInARunQueue_ThatHalfGivenBack()
    {
        // One reader that another process kept off the core half the time: 1,000 loads in 0.5 s of its own.
        var phase = PhaseThroughput.Of(TimeSpan.FromSeconds(1), [(1_000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5))]);

        Assert.Equal(1_000, phase.Measured, 6);
        Assert.Equal(2_000, phase.Throughput, 6);
        Assert.Equal(0.5, phase.GivenBack);
    }

    [Fact]
    public void Of_LoopStartedLate_ChargedOnlyForTheTimeItRan()
    {
        var phase = PhaseThroughput.Of(TimeSpan.FromSeconds(1), [(400, TimeSpan.FromSeconds(0.4), TimeSpan.Zero)]);

        Assert.Equal(1_000, phase.Throughput, 6);
    }

    [Fact]
    public void Of_QueuedAsLongAsItRan_FloorKeepsItFinite()
    {
        var phase = PhaseThroughput.Of(TimeSpan.FromSeconds(1), [(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))]);

        Assert.Equal(1_000, phase.Throughput, 6); // 10 loads in a hundredth of the second
    }

    [Theory]
    [InlineData("5261848113 734958172 99876\n", 734958172L)]
    [InlineData("0 0 0", 0L)]
    [InlineData("12 345", 345L)]
    public void TryParseWait_SchedstatLine_SecondField(string line, long expected)
    {
        Assert.True(RunQueueClock.TryParseWait(Encoding.ASCII.GetBytes(line), out var wait));
        Assert.Equal(expected, wait);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12 \n")]
    public void TryParseWait_NoSecondField_False(string line)
    {
        Assert.False(RunQueueClock.TryParseWait(Encoding.ASCII.GetBytes(line), out _));
    }
}
