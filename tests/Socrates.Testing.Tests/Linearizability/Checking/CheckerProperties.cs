using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The checker against histories whose truth is known by construction. A failing case prints
/// <c>SOCRATES_PBT_REPLAY=seed,clients,operations</c>; set that variable to rerun just that case.
/// </summary>
[Trait("Category", "Property")]
public sealed class CheckerProperties
{
    private const string ReplayVariable = "SOCRATES_PBT_REPLAY";

    [Fact]
    public void Check_AtomicRegisterHistories_AlwaysLinearizable()
    {
        var (cases, alarms) = (0, 0);
        try
        {
            Run(c =>
            {
                var history = Simulations.Register(c.Options(indeterminateRate: 0.05, failRate: 0.05));
                var linearizable = LinearizabilityChecker.Check(new RegisterModel<int>(0), history).Outcome == CheckOutcome.Linearizable;
                cases++;
                alarms += linearizable ? 0 : 1;
                return linearizable;
            });
        }
        finally
        {
            // Shrinking attempts count too: any false alarm makes the rate non-zero.
            MetricsWriter.Write("properties", "checker.false_alarm_rate", cases == 0 ? 1 : (double)alarms / cases, "ratio");
        }
    }

    [Fact]
    public void Check_AtomicRegisterWithOneStaleRead_NeverLinearizable()
    {
        var (injected, detected) = (0, 0);
        try
        {
            Run(c =>
            {
                var history = Simulations.InjectStaleRead(Simulations.Register(c.Options(indeterminateRate: 0.05, failRate: 0.05)), c.Seed);
                if (history is null)
                {
                    return true; // no read follows two ordered writes: nothing to inject
                }

                injected++;
                var result = LinearizabilityChecker.Check(new RegisterModel<int>(0), history);
                var caught = result.Outcome == CheckOutcome.NotLinearizable && result.Violation is not null;
                detected += caught ? 1 : 0;
                return caught;
            });
        }
        finally
        {
            MetricsWriter.Write("properties", "checker.stale_read_detection_rate", injected == 0 ? 0 : (double)detected / injected, "ratio");
        }

        Assert.True(injected > 0, "no case had a read to make stale; the generator is too small to test anything");
    }

    [Fact]
    public void Check_AtomicKeyValueHistories_AlwaysLinearizable()
    {
        Run(c =>
        {
            var history = Simulations.KeyValue(c.Options(indeterminateRate: 0.05, failRate: 0.05), keys: 1 + (c.Seed % 4));
            return LinearizabilityChecker.Check(new KeyValueModel(), history).Outcome == CheckOutcome.Linearizable;
        });
    }

    private static void Run(Func<SimulationCase, bool> property)
    {
        var replay = Environment.GetEnvironmentVariable(ReplayVariable);
        if (!string.IsNullOrWhiteSpace(replay))
        {
            var single = SimulationCase.Parse(replay);
            Assert.True(property(single), $"Property fails for {single}.");
            return;
        }

        var cases = Gen.Choose(0, int.MaxValue).SelectMany(
            seed => Gen.Choose(1, 8).SelectMany(clients => Gen.Choose(0, 60).Select(ops => new SimulationCase(seed, clients, ops))));
        var arbitrary = Arb.From(cases, SimulationCase.Shrink);
        var config = Config.QuickThrowOnFailure.WithMaxTest(TestProfile.Current.PropertyMaxTest).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(arbitrary, property));
    }

    /// <summary>One generated case; prints as the replay setting.</summary>
    public sealed record SimulationCase(int Seed, int Clients, int Operations)
    {
        public SimulationOptions Options(double indeterminateRate, double failRate) => new()
        {
            Seed = Seed,
            Clients = Clients,
            Operations = Operations,
            IndeterminateRate = indeterminateRate,
            FailRate = failRate,
        };

        public static IEnumerable<SimulationCase> Shrink(SimulationCase c)
        {
            ArgumentNullException.ThrowIfNull(c);
            if (c.Operations > 0)
            {
                yield return c with { Operations = c.Operations / 2 };
                yield return c with { Operations = c.Operations - 1 };
            }

            if (c.Clients > 1)
            {
                yield return c with { Clients = c.Clients - 1 };
            }
        }

        public static SimulationCase Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var parts = text.Split(',', StringSplitOptions.TrimEntries);
            var seed = int.Parse(parts[0], CultureInfo.InvariantCulture);
            return parts.Length == 3
                ? new SimulationCase(seed, int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture))
                : new SimulationCase(seed, 1 + (seed % 8), seed % 61);
        }

        public override string ToString() => $"{ReplayVariable}={Seed},{Clients},{Operations}";
    }
}
