using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Models;
using static Socrates.Testing.Tests.Linearizability.RegisterHistories;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class CasRegisterCheckerTests
{
    [Fact]
    public void Check_SequentialCasChain_Linearizable()
    {
        var history = New()
            .Invoke(0, Cas(0, 1)).Ok(0, RegisterOutput<int>.Swapped)
            .Invoke(1, Cas(1, 2)).Ok(1, RegisterOutput<int>.Swapped)
            .Invoke(0, Cas(1, 3)).Ok(0, RegisterOutput<int>.NotSwapped)
            .Invoke(1, R()).Ok(1, Saw(2))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, CheckCas(history).Outcome);
    }

    [Fact]
    public void Check_LostUpdateTwoCasFromSameValueBothSwap_NotLinearizable()
    {
        // Two clients read 0 and both cas 0->their value successfully: one update is lost.
        var history = New()
            .Invoke(0, Cas(0, 1))
            .Invoke(1, Cas(0, 2))
            .Ok(0, RegisterOutput<int>.Swapped)
            .Ok(1, RegisterOutput<int>.Swapped)
            .Build();

        var result = CheckCas(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Contains("cas 0->", result.Violation!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConcurrentCasOneSwapsOneFails_Linearizable()
    {
        var history = New()
            .Invoke(0, Cas(0, 1))
            .Invoke(1, Cas(0, 2))
            .Ok(0, RegisterOutput<int>.Swapped)
            .Ok(1, RegisterOutput<int>.NotSwapped)
            .Invoke(0, R()).Ok(0, Saw(1))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, CheckCas(history).Outcome);
    }

    [Fact]
    public void Check_CasFailedOnMatchingValue_NotLinearizable()
    {
        var history = New()
            .Invoke(0, W(5)).Ok(0, Done)
            .Invoke(1, Cas(5, 6)).Ok(1, RegisterOutput<int>.NotSwapped)
            .Build();

        Assert.Equal(CheckOutcome.NotLinearizable, CheckCas(history).Outcome);
    }

    [Fact]
    public void Check_IndeterminateCasLaterVisible_Linearizable()
    {
        var history = New()
            .Invoke(0, Cas(0, 7)).Info(0)
            .Invoke(1, R()).Ok(1, Saw(7))
            .Build();

        Assert.Equal(CheckOutcome.Linearizable, CheckCas(history).Outcome);
    }

    [Fact]
    public void Check_IndeterminateCasWithWrongExpectation_CannotExplainRead()
    {
        var history = New()
            .Invoke(0, Cas(3, 7)).Info(0)
            .Invoke(1, R()).Ok(1, Saw(7))
            .Build();

        Assert.Equal(CheckOutcome.NotLinearizable, CheckCas(history).Outcome);
    }

    [Fact]
    public void Apply_CasOnPlainRegister_Throws()
    {
        var model = new RegisterModel<int>(0);

        Assert.Throws<ArgumentException>(() => model.Apply(model.InitialState, Cas(0, 1), RegisterOutput<int>.Swapped));
    }
}
