using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class KeyValueCheckerTests
{
    private static HistoryBuilder<KeyValueInput, string?> New() => new();

    private static CheckResult<KeyValueInput, string?> Check(History<KeyValueInput, string?> history) =>
        LinearizabilityChecker.Check(new KeyValueModel(), history);

    [Fact]
    public void Check_PutAppendGet_Linearizable()
    {
        var history = New()
            .Invoke(0, KeyValueInput.Get("a")).Ok(0, null)
            .Invoke(0, KeyValueInput.Put("a", "x")).Ok(0, null)
            .Invoke(1, KeyValueInput.Append("a", "y")).Ok(1, null)
            .Invoke(0, KeyValueInput.Get("a")).Ok(0, "xy")
            .Invoke(1, KeyValueInput.Append("b", "z")).Ok(1, null)
            .Invoke(1, KeyValueInput.Get("b")).Ok(1, "z")
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.Linearizable, result.Outcome);
        Assert.Equal(["a", "b"], result.Partitions.Select(p => p.Key));
    }

    [Fact]
    public void Check_ConcurrentAppends_EitherOrderButNotBoth()
    {
        static History<KeyValueInput, string?> Seen(string first, string second) => New()
            .Invoke(0, KeyValueInput.Append("k", "1"))
            .Invoke(1, KeyValueInput.Append("k", "2"))
            .Ok(0, null)
            .Ok(1, null)
            .Invoke(2, KeyValueInput.Get("k")).Ok(2, first)
            .Invoke(2, KeyValueInput.Get("k")).Ok(2, second)
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, Check(Seen("12", "12")).Outcome);
        Assert.Equal(CheckOutcome.Linearizable, Check(Seen("21", "21")).Outcome);
        Assert.Equal(CheckOutcome.NotLinearizable, Check(Seen("12", "21")).Outcome);
        Assert.Equal(CheckOutcome.NotLinearizable, Check(Seen("1", "12")).Outcome);
    }

    [Fact]
    public void Check_PartitionsIndependent_BadKeyDecidesTheHistory()
    {
        // Key a is fine on its own; key b has a stale read. Interleaving them changes nothing,
        // and b alone decides the history: a is not searched.
        var history = New()
            .Invoke(0, KeyValueInput.Put("a", "1"))
            .Invoke(1, KeyValueInput.Put("b", "1")).Ok(1, null)
            .Invoke(1, KeyValueInput.Put("b", "2")).Ok(1, null)
            .Ok(0, null)
            .Invoke(2, KeyValueInput.Get("b")).Ok(2, "1")
            .Invoke(0, KeyValueInput.Get("a")).Ok(0, "1")
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Equal(CheckOutcome.NotLinearizable, result.Partitions.Single(p => p.Key == "b").Outcome);
        Assert.Contains("partition \"b\" is not linearizable", result.Partitions.Single(p => p.Key == "a").UnknownReason, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Linearizable, Check(new History<KeyValueInput, string?>(history.Where(o => o.Input.Key == "a"))).Outcome);
        Assert.Equal("b", result.Violation!.PartitionKey);
        Assert.Equal("get b -> \"1\" but the state is {b: 2}", result.Violation.Reason);
    }

    [Fact]
    public void Check_SearchFindsFirstKeyBad_LaterKeysNotSearched()
    {
        // Key a reads 2, 1, 2 one after another while both puts are open: only the search refutes it.
        var history = New()
            .Invoke(0, KeyValueInput.Put("a", "1"))
            .Invoke(1, KeyValueInput.Put("a", "2"))
            .Invoke(2, KeyValueInput.Get("a")).Ok(2, "2")
            .Invoke(2, KeyValueInput.Get("a")).Ok(2, "1")
            .Invoke(2, KeyValueInput.Get("a")).Ok(2, "2")
            .Ok(0, null)
            .Ok(1, null)
            .Invoke(3, KeyValueInput.Put("b", "1")).Ok(3, null)
            .Invoke(3, KeyValueInput.Get("b")).Ok(3, "1")
            .Build();

        var result = LinearizabilityChecker.Check(new KeyValueModel(), history, new CheckOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        var b = result.Partitions.Single(p => p.Key == "b");
        Assert.Equal((CheckOutcome.Unknown, 0L), (b.Outcome, b.SearchSteps));
        Assert.Contains("partition \"a\" is not linearizable", b.UnknownReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ReadOfOtherKeysValue_NotLinearizable()
    {
        var history = New()
            .Invoke(0, KeyValueInput.Put("a", "1")).Ok(0, null)
            .Invoke(1, KeyValueInput.Get("b")).Ok(1, "1")
            .Build();

        Assert.Equal(CheckOutcome.NotLinearizable, Check(history).Outcome);
    }
}
