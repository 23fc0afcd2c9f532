using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Reporting;
using static Socrates.Testing.Tests.Linearizability.RegisterHistories;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class RegisterCheckerTests
{
    [Fact]
    public void Check_EmptyHistory_Linearizable()
    {
        Assert.Equal(CheckOutcome.Linearizable, Check(New().Build()).Outcome);
    }

    [Fact]
    public void Check_SequentialWriteThenRead_Linearizable()
    {
        var history = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, R()).Ok(0, Saw(1))
            .Invoke(1, W(2)).Ok(1, Done)
            .Invoke(0, R()).Ok(0, Saw(2))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_SequentialReadOfUnwrittenValue_NotLinearizable()
    {
        var history = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, R()).Ok(0, Saw(3))
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Contains("read -> 3 but the state is 1", result.Violation!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Check_ReadConcurrentWithWrite_EitherValueLinearizable(int seen)
    {
        var history = New()
            .Invoke(0, W(1))
            .Invoke(1, R())
            .Ok(1, Saw(seen))
            .Ok(0, Done)
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_TwoConcurrentReadsSeeNewThenOld_NotLinearizable()
    {
        // Both reads overlap the write, but read A (sees 1) completes before read B (sees 0) starts:
        // once a read saw the new value, a later read may not see the old one.
        var history = New()
            .Invoke(0, W(1))
            .Invoke(1, R()).Ok(1, Saw(1))
            .Invoke(2, R()).Ok(2, Saw(0))
            .Ok(0, Done)
            .Build();

        Assert.Equal(CheckOutcome.NotLinearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_StaleReadAfterCompletedWrite_NotLinearizable()
    {
        var history = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, W(2)).Ok(0, Done)
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        var violation = result.Violation!;
        Assert.Equal(2, violation.Blocked.Id);
        Assert.Equal("read -> 1 but the state is 2", violation.Reason);
        Assert.Equal([0, 1], violation.PartialLinearization.Select(s => s.Operation.Id));
    }

    [Fact]
    public void Check_CompletionStrictlyBeforeInvocation_ForcesOrder()
    {
        // Write 2 completes at t=4, the read is invoked at t=5: the read must follow the write.
        var ordered = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, W(2)).Ok(0, Done)
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();
        Assert.True(ordered[1].Precedes(ordered[2]));
        Assert.Equal(CheckOutcome.NotLinearizable, Check(ordered).Outcome);

        // The same operations, but the read is invoked one tick before write 2 completes: now they overlap.
        var overlapping = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, W(2))
            .Invoke(1, R())
            .Ok(0, Done)
            .Ok(1, Saw(1))
            .Build();
        Assert.False(overlapping[1].Precedes(overlapping[2]));
        Assert.Equal(CheckOutcome.Linearizable, Check(overlapping).Outcome);
    }

    [Fact]
    public void Check_IndeterminateWriteLaterVisible_Linearizable()
    {
        var history = New()
            .Invoke(0, W(1)).Info(0)
            .Invoke(1, R()).Ok(1, Saw(0))
            .Invoke(1, R()).Ok(1, Saw(1))
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_IndeterminateWriteNeverVisible_Linearizable()
    {
        var history = New()
            .Invoke(0, W(1)).Info(0)
            .Invoke(1, R()).Ok(1, Saw(0))
            .Invoke(1, W(2)).Ok(1, Done)
            .Invoke(1, R()).Ok(1, Saw(2))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_IndeterminateWriteVisibleThenGone_NotLinearizable()
    {
        // It may take effect once, not twice: 0, 1, then 0 again cannot be.
        var history = New()
            .Invoke(0, W(1)).Info(0)
            .Invoke(1, R()).Ok(1, Saw(1))
            .Invoke(1, R()).Ok(1, Saw(0))
            .Build();

        Assert.Equal(CheckOutcome.NotLinearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_OpenOperationAtEnd_TreatedAsIndeterminate()
    {
        var history = New()
            .Invoke(0, W(1))
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();

        Assert.Equal(Socrates.Testing.Linearizability.Histories.OperationStatus.Indeterminate, history[0].Status);
        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_FailedWriteSeen_NotLinearizable()
    {
        // A failed write definitely did not happen: it is removed, so nobody may read its value.
        var history = New()
            .Invoke(0, W(1)).Fail(0)
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Equal(1, result.FailedOperationsIgnored);
    }

    [Fact]
    public void Check_FailedWriteNotSeen_Linearizable()
    {
        var history = New()
            .Invoke(0, W(1)).Fail(0)
            .Invoke(1, R()).Ok(1, Saw(0))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_ViolationAfterLongGoodPrefix_ShrunkToShortPrefix()
    {
        var builder = New();
        for (var i = 1; i <= 40; i++)
        {
            builder.Invoke(i % 3, W(i)).Ok(i % 3, Done).Invoke(3, R()).Ok(3, Saw(i));
        }

        builder.Invoke(4, W(100)).Ok(4, Done).Invoke(5, R()).Ok(5, Saw(40));
        for (var i = 0; i < 20; i++)
        {
            builder.Invoke(6, R()).Ok(6, Saw(100));
        }

        var result = Check(builder.Build());

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        var violation = result.Violation!;
        Assert.True(violation.IsMinimal);
        Assert.Equal(102, violation.PartitionOperationCount);
        Assert.Equal(82, violation.Operations.Count);
        Assert.Equal(81, violation.Blocked.Id);
        Assert.Equal("read -> 40 but the state is 100", violation.Reason);
    }

    [Fact]
    public void Check_MinimizeOff_ReportsWholePartition()
    {
        var history = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(1, R()).Ok(1, Saw(0))
            .Invoke(0, W(2)).Ok(0, Done)
            .Build();

        var result = Check(history, new CheckOptions { MinimizeViolation = false });

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Equal(3, result.Violation!.Operations.Count);
        Assert.False(result.Violation.IsMinimal);
    }

    [Fact]
    public void Check_PathologicalHistoryTinyBudget_Unknown()
    {
        var result = Check(Pathological.Register(writers: 40), new CheckOptions { Timeout = TimeSpan.FromMilliseconds(20) });

        Assert.Equal(CheckOutcome.Unknown, result.Outcome);
        Assert.Null(result.Violation);
        Assert.Contains("UNKNOWN", TimelineRenderer.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CancelledToken_Unknown()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = LinearizabilityChecker.Check(
            new Socrates.Testing.Linearizability.Models.RegisterModel<int>(0), Pathological.Register(writers: 40), cancellationToken: cancelled.Token);

        Assert.Equal(CheckOutcome.Unknown, result.Outcome);
    }

    [Fact]
    public void Check_NonPositiveTimeout_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Check(New().Build(), new CheckOptions { Timeout = TimeSpan.Zero }));
        Assert.Contains("positive", error.Message, StringComparison.Ordinal);
    }
}
