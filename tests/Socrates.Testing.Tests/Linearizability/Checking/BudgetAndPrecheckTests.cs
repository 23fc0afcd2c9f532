using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class BudgetAndPrecheckTests
{
    private static HistoryBuilder<RegisterInput<int>, RegisterOutput<int>> New() => new();

    private static CheckResult<RegisterInput<int>, RegisterOutput<int>> Check(History<RegisterInput<int>, RegisterOutput<int>> history, CheckOptions? options = null) =>
        LinearizabilityChecker.Check(new RegisterModel<int>(0), history, options);

    [Fact]
    public void Check_300PendingWritesThenUnwrittenRead_NotLinearizableAtOnce()
    {
        var history = Pathological.PendingWritesThenUnwrittenRead(300);

        var result = Check(history, new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });

        // The search drops the first configuration already: no pending write can make the read legal.
        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        var violation = result.Violation!;
        Assert.Equal(RegisterOperationKind.Read, violation.Blocked.Input.Kind);
        Assert.True(result.Partitions[0].SearchSteps < 10, $"{result.Partitions[0].SearchSteps} steps");
        Assert.Contains("read -> -1 but the state is 0", violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReadOfPendingWriteInvokedBeforeItCompleted_Linearizable()
    {
        var history = New()
            .Invoke(0, RegisterInput<int>.Write(7))
            .Invoke(1, RegisterInput<int>.Read()).Ok(1, RegisterOutput<int>.Read(7))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_ReadOfValueWrittenOnlyAfterItCompleted_NotLinearizable()
    {
        var history = New()
            .Invoke(1, RegisterInput<int>.Read()).Ok(1, RegisterOutput<int>.Read(7))
            .Invoke(0, RegisterInput<int>.Write(7)).Ok(0, RegisterOutput<int>.Written)
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Equal(RegisterOperationKind.Read, result.Violation!.Blocked.Input.Kind);
    }

    [Fact]
    public void Check_SwapFromValueNeverWritten_NotLinearizable()
    {
        var history = New()
            .Invoke(0, RegisterInput<int>.Cas(5, 6)).Ok(0, RegisterOutput<int>.Swapped)
            .Build();

        var result = LinearizabilityChecker.Check(new CasRegisterModel<int>(0), history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Equal(RegisterOperationKind.Cas, result.Violation!.Blocked.Input.Kind);
    }

    [Fact]
    public void Check_AppendsOnKey_PrecheckStandsAside()
    {
        // "ab" was never put, but two appends build it: a derived value is the search's to judge.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(0, KeyValueInput.Append("k", "a")).Ok(0, null)
            .Invoke(0, KeyValueInput.Append("k", "b")).Ok(0, null)
            .Invoke(1, KeyValueInput.Get("k")).Ok(1, "ab")
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, LinearizabilityChecker.Check(new KeyValueModel(), history).Outcome);
    }

    [Fact]
    public void Check_MemoryBudgetReached_UnknownNamingTheMemoryBudget()
    {
        var result = Check(Pathological.Register(writers: 30), new CheckOptions { MaxMemoryBytes = 64 * 1024 });

        Assert.Equal(CheckOutcome.Unknown, result.Outcome);
        Assert.Contains("memory budget of 0.1 MiB was reached", result.UnknownReason, StringComparison.Ordinal);
        Assert.Contains("memory budget", TimelineRenderer.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TimeBudgetSpent_UnknownNamingTheTimeBudget()
    {
        var result = Check(Pathological.Register(writers: 40), new CheckOptions { Timeout = TimeSpan.FromMilliseconds(20) });

        Assert.Equal(CheckOutcome.Unknown, result.Outcome);
        Assert.Equal("the time budget ran out", result.UnknownReason);
    }

    [Fact]
    public void Check_NonPositiveMemoryBudget_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Check(New().Build(), new CheckOptions { MaxMemoryBytes = 0 }));
        Assert.Contains("memory budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmptyHistory_NothingCheckedSaidSo()
    {
        var result = Check(New().Build());

        Assert.True(result.NothingChecked);
        Assert.Equal(0, result.OperationsChecked);
        Assert.StartsWith("NOTHING CHECKED: 0 operations", TimelineRenderer.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnlyFailedOperations_NothingChecked()
    {
        var result = Check(New().Invoke(0, RegisterInput<int>.Write(1)).Fail(0).Build());

        Assert.True(result.NothingChecked);
        Assert.Equal(1, result.FailedOperationsIgnored);
    }
}
