using Socrates.Core.Migration.Copying;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class BatchSizerTests
{
    [Fact]
    public void Observe_FullBatchesWithinBudget_DoublesUpToTheCeiling()
    {
        var sizer = new BatchSizer(ceiling: 100, auto: true);
        var sizes = new List<int> { sizer.Next };
        for (var i = 0; i < 5; i++)
        {
            sizer.Observe(sizer.Next, sizer.Next, stoppedByBytes: false);
            sizes.Add(sizer.Next);
        }

        Assert.Equal([16, 32, 64, 100, 100, 100], sizes);
    }

    [Fact]
    public void Observe_StoppedByBytes_ShrinksToTheRowsThatFitted()
    {
        var sizer = new BatchSizer(ceiling: 256, auto: true);
        sizer.Observe(16, 16, stoppedByBytes: false);

        sizer.Observe(32, 3, stoppedByBytes: true);
        Assert.Equal(3, sizer.Next);

        sizer.Observe(3, 0, stoppedByBytes: true);
        Assert.Equal(1, sizer.Next);

        sizer.Observe(1, 1, stoppedByBytes: false);
        Assert.Equal(2, sizer.Next);
    }

    [Fact]
    public void Observe_ShortLastBatch_KeepsTheSize()
    {
        var sizer = new BatchSizer(ceiling: 256, auto: true);

        sizer.Observe(16, 5, stoppedByBytes: false);

        Assert.Equal(16, sizer.Next);
    }

    [Fact]
    public void Observe_Fixed_NeverChanges()
    {
        var sizer = new BatchSizer(ceiling: 200, auto: false);

        sizer.Observe(200, 200, stoppedByBytes: false);
        sizer.Observe(200, 4, stoppedByBytes: true);

        Assert.Equal(200, sizer.Next);
    }
}
