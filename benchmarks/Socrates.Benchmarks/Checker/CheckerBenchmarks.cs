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
/// time (the issue asks for under a second on this machine), and gates judge ratios only. Beside
/// it, the hard non-linearizable case of pending writes followed by a read of a value none wrote.
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
    private History<RegisterInput<int>, RegisterOutput<int>> _pendingWrites = null!;

    [GlobalSetup]
    public void Setup()
    {
        _history = KeyValueSimulation.Run(s_options, keys: 15);
        var outcome = LinearizabilityChecker.Check(_model, _history).Outcome;
        if (outcome != CheckOutcome.Linearizable)
        {
            throw new InvalidOperationException($"the simulated history must be linearizable, the checker said {outcome}");
        }

        // 300 writes that never complete, then a read of a value none of them writes.
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        for (var i = 0; i < 300; i++)
        {
            builder.Invoke(i, RegisterInput<int>.Write(i + 1));
        }

        _pendingWrites = builder.Invoke(300, RegisterInput<int>.Read()).Ok(300, RegisterOutput<int>.Read(-1)).Build();
    }

    [Benchmark]
    public CheckOutcome CheckKeyValue2000Ops50Clients() => LinearizabilityChecker.Check(_model, _history).Outcome;

    /// <summary>Refuted by the cheap read check; the search alone would face 2^300 subsets.</summary>
    [Benchmark]
    public CheckOutcome Check300PendingWritesThenUnwrittenRead() =>
        LinearizabilityChecker.Check(new RegisterModel<int>(0), _pendingWrites).Outcome;
}
