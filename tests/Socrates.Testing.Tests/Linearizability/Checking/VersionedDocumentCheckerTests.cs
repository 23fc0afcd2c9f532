using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class VersionedDocumentCheckerTests
{
    private static HistoryBuilder<DocumentInput, DocumentOutput> New() => new();

    private static CheckResult<DocumentInput, DocumentOutput> Check(History<DocumentInput, DocumentOutput> history) =>
        LinearizabilityChecker.Check(new VersionedDocumentModel(), history);

    [Fact]
    public void Check_CreateSaveLoadDelete_Linearizable()
    {
        var history = New()
            .Invoke(0, DocumentInput.Load("p1")).Ok(0, DocumentOutput.NotFound)
            .Invoke(0, DocumentInput.Save("p1", 0, "a")).Ok(0, DocumentOutput.Saved(1))
            .Invoke(1, DocumentInput.Save("p1", 1, "b")).Ok(1, DocumentOutput.Saved(2))
            .Invoke(0, DocumentInput.Save("p1", 1, "c")).Ok(0, DocumentOutput.Conflict)
            .Invoke(0, DocumentInput.Load("p1")).Ok(0, DocumentOutput.Loaded(2, "b"))
            .Invoke(1, DocumentInput.Delete("p1", 1)).Ok(1, DocumentOutput.Conflict)
            .Invoke(1, DocumentInput.Delete("p1", 2)).Ok(1, DocumentOutput.Deleted)
            .Invoke(1, DocumentInput.Delete("p1")).Ok(1, DocumentOutput.NotFound)
            .Invoke(0, DocumentInput.Save("p1", null, "d")).Ok(0, DocumentOutput.Saved(1))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }

    [Fact]
    public void Check_ConcurrentSavesSameExpectedVersion_OneMustConflict()
    {
        static History<DocumentInput, DocumentOutput> Race(DocumentOutput second) => New()
            .Invoke(0, DocumentInput.Save("p1", 0, "a")).Ok(0, DocumentOutput.Saved(1))
            .Invoke(1, DocumentInput.Save("p1", 1, "b"))
            .Invoke(2, DocumentInput.Save("p1", 1, "c"))
            .Ok(1, DocumentOutput.Saved(2))
            .Ok(2, second)
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(Race(DocumentOutput.Conflict)).Outcome);

        // Both succeed from version 1: a lost update the version column exists to prevent.
        var lost = Check(Race(DocumentOutput.Saved(2)));
        Assert.Equal(CheckOutcome.NotLinearizable, lost.Outcome);
        Assert.Equal("p1", lost.Violation!.PartitionKey);
    }

    [Fact]
    public void Check_ConflictRecordedAsFailed_Ignored()
    {
        var history = New()
            .Invoke(0, DocumentInput.Save("p1", 0, "a")).Ok(0, DocumentOutput.Saved(1))
            .Invoke(1, DocumentInput.Save("p1", 0, "b")).Fail(1)
            .Invoke(1, DocumentInput.Load("p1")).Ok(1, DocumentOutput.Loaded(1, "a"))
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.Linearizable, result.Outcome);
        Assert.Equal(1, result.FailedOperationsIgnored);
    }

    [Fact]
    public void Check_StaleLoadAfterCommittedSave_NotLinearizable()
    {
        var history = New()
            .Invoke(0, DocumentInput.Save("p1", 0, "a")).Ok(0, DocumentOutput.Saved(1))
            .Invoke(0, DocumentInput.Save("p1", 1, "b")).Ok(0, DocumentOutput.Saved(2))
            .Invoke(1, DocumentInput.Load("p1")).Ok(1, DocumentOutput.Loaded(1, "a"))
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Equal("load p1 -> v1 \"a\" but the state is {p1: v2 \"b\"}", result.Violation!.Reason);
    }

    [Fact]
    public void Check_IndeterminateSaveThatLanded_Linearizable()
    {
        var history = New()
            .Invoke(0, DocumentInput.Save("p1", 0, "a")).Info(0)
            .Invoke(1, DocumentInput.Load("p1")).Ok(1, DocumentOutput.NotFound)
            .Invoke(1, DocumentInput.Load("p1")).Ok(1, DocumentOutput.Loaded(1, "a"))
            .Invoke(1, DocumentInput.Save("p1", 1, "b")).Ok(1, DocumentOutput.Saved(2))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(history).Outcome);
    }
}
