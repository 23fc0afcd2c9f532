using BenchmarkDotNet.Attributes;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;

namespace Socrates.Benchmarks.Checker;

/// <summary>
/// The linearizability checker on the yardstick: a 50-client, 2,000-operation key-value
/// history (15 keys, 1% indeterminate, 2% failed operations, heavily concurrent), the same
/// seeded history the checker's scale test uses. Reported, not gated: its figure is an absolute
/// time (the issue asks for under a second on this machine), and gates judge ratios only.
/// </summary>
public class CheckerBenchmarks
{
    private static readonly SimulationOptions s_options = new()
    {
        Seed = 20_261_122,
        Clients = 50,
        Operations = 2_000,
        MaxLatency = 10,
        MaxThinkTime = 3,
        IndeterminateRate = 0.01,
        FailRate = 0.02,
    };

    private readonly KeyValueModel _model = new();
    private History<KeyValueInput, string?> _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        _history = KeyValueSimulation.Run(s_options, keys: 15);
        var outcome = LinearizabilityChecker.Check(_model, _history).Outcome;
        if (outcome != CheckOutcome.Linearizable)
        {
            throw new InvalidOperationException($"the simulated history must be linearizable, the checker said {outcome}");
        }
    }

    [Benchmark]
    public CheckOutcome CheckKeyValue2000Ops50Clients() => LinearizabilityChecker.Check(_model, _history).Outcome;
}
