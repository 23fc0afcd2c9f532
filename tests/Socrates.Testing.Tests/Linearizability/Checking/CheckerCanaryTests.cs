using Socrates.Core.Failpoints;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The checker's canaries break the oracle itself; these prove each one does what the gates
/// that trust the checker (stale-read detection, no false alarms) need it to do.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CheckerCanaryTests
{
    private static readonly SimulationOptions s_options = new() { Seed = 7, Clients = 4, Operations = 40 };

    [Fact]
    public void Check_AcceptAnyAnswerFailpoint_MissesStaleRead()
    {
        var history = FindStaleReadHistory();
        Assert.Equal(CheckOutcome.NotLinearizable, LinearizabilityChecker.Check(new RegisterModel<int>(0), history).Outcome);

        using (Failpoint.Enable(TestKitFailpoints.CheckerAcceptAnyAnswer))
        {
            Assert.Equal(CheckOutcome.Linearizable, LinearizabilityChecker.Check(new RegisterModel<int>(0), history).Outcome);
        }
    }

    [Fact]
    public void Check_RejectEveryAnswerFailpoint_RaisesFalseAlarm()
    {
        var history = Simulations.Register(s_options);
        Assert.Equal(CheckOutcome.Linearizable, LinearizabilityChecker.Check(new RegisterModel<int>(0), history).Outcome);

        using (Failpoint.Enable(TestKitFailpoints.CheckerRejectEveryAnswer))
        {
            Assert.Equal(CheckOutcome.NotLinearizable, LinearizabilityChecker.Check(new RegisterModel<int>(0), history).Outcome);
        }
    }

    private static History<RegisterInput<int>, RegisterOutput<int>> FindStaleReadHistory()
    {
        for (var seed = 1; seed < 500; seed++)
        {
            var injected = Simulations.InjectStaleRead(Simulations.Register(s_options with { Seed = seed }), seed);
            if (injected is not null)
            {
                return injected;
            }
        }

        throw new InvalidOperationException("no seed produced a history with a read to make stale");
    }
}
