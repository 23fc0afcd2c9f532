using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The generator of hard histories, and the checker's reductions (reads placed at once, reads
/// that can no longer see what they saw) against the brute-force oracle on small append-heavy
/// key-value histories, where those reductions matter most.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HardHistoriesTests
{
    [Fact]
    public void Check_SmallAppendHeavyKeyValueHistories_AgreesWithBruteForce()
    {
        var model = new KeyValueModel(initialValue: string.Empty);
        var (linearizable, not) = (0, 0);
        for (var seed = 0; seed < 300; seed++)
        {
            var history = PerturbedKeyValue(seed);

            var expected = BruteForce.IsLinearizable(model, history);
            var actual = LinearizabilityChecker.Check(model, history, new CheckOptions { MaxDegreeOfParallelism = 1 }).Outcome;

            Assert.True(actual == (expected ? CheckOutcome.Linearizable : CheckOutcome.NotLinearizable), $"seed {seed}: brute force says {expected}, the checker {actual}");
            (linearizable, not) = expected ? (linearizable + 1, not) : (linearizable, not + 1);
        }

        Assert.True(linearizable > 50 && not > 50, $"{linearizable} linearizable, {not} not");
    }

    [Fact]
    public void KeyValue_FiftyClients_ManyOperationsOverlapPerKey()
    {
        var history = HardHistories.KeyValue(seed: 1, linearizable: true);

        Assert.Equal(2_000, history.Count);
        Assert.Equal(50, history.Select(o => o.Client).Distinct().Count());
        Assert.True(MaxOverlapPerKey(history) >= 10, $"max overlap per key {MaxOverlapPerKey(history)}");
    }

    [Fact]
    public void KeyValue_Bad_DiffersFromGoodInOneGet()
    {
        var good = HardHistories.KeyValue(seed: 1, linearizable: true);
        var bad = HardHistories.KeyValue(seed: 1, linearizable: false);

        var changed = good.Zip(bad).Where(p => p.First.Output != p.Second.Output).ToList();

        var (was, now) = Assert.Single(changed);
        Assert.Equal(KeyValueOperationKind.Get, now.Input.Kind);
        Assert.NotEqual(was.Output, now.Output);
    }

    [Fact]
    public void Check_CasRegisterWithCrashes_Linearizable()
    {
        var history = HardHistories.CasRegisterWithCrashes(seed: 7);

        var result = LinearizabilityChecker.Check(new CasRegisterModel<int>(0), history, new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });

        Assert.True(history.Count(o => o.Status == OperationStatus.Indeterminate) >= 150, "many crashed operations");
        Assert.Equal(CheckOutcome.Linearizable, result.Outcome);
    }

    [Theory]
    [InlineData(0, CheckOutcome.Linearizable)]
    [InlineData(150, CheckOutcome.Linearizable)]
    [InlineData(-1, CheckOutcome.NotLinearizable)]
    public void Check_PendingWritesThenRead_Decided(int seen, CheckOutcome expected)
    {
        var result = LinearizabilityChecker.Check(new RegisterModel<int>(0), HardHistories.PendingWritesThenRead(300, seen), new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Check_200kSequentialOperations_Linearizable()
    {
        var result = LinearizabilityChecker.Check(new RegisterModel<int>(0), HardHistories.Sequential(200_000), new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });

        Assert.Equal(CheckOutcome.Linearizable, result.Outcome);
    }

    // 3 clients, 7 operations on one key (gets, puts, appends), simulated linearizable, then one
    // get in two told to answer another get's value or a put's: often no longer linearizable.
    private static History<KeyValueInput, string?> PerturbedKeyValue(int seed)
    {
        var random = new Random(seed);
        var history = KeyValueSimulation.Run(new SimulationOptions { Seed = seed, Clients = 3, Operations = 7, IndeterminateRate = 0.1 }, keys: 1);
        var seen = history.Where(o => o.Status == OperationStatus.Ok && o.Input.Kind == KeyValueOperationKind.Get).Select(o => o.Output)
            .Concat(history.Where(o => o.Input.Kind != KeyValueOperationKind.Get).Select(o => o.Input.Value))
            .Append(string.Empty)
            .ToList();
        // Porcupine's form: a key never written reads "", not nil.
        return new History<KeyValueInput, string?>(history.Select(o =>
            o.Status != OperationStatus.Ok || o.Input.Kind != KeyValueOperationKind.Get ? o
            : random.Next(2) == 0 ? o with { Output = o.Output ?? string.Empty }
            : o with { Output = seen[random.Next(seen.Count)] ?? string.Empty }));
    }

    private static int MaxOverlapPerKey(History<KeyValueInput, string?> history) =>
        history.GroupBy(o => o.Input.Key).Max(key =>
            key.Select(o => (Time: o.InvokedAt, Delta: 1))
                .Concat(key.Where(o => o.CompletedAt != Operation<KeyValueInput, string?>.Never).Select(o => (Time: o.CompletedAt, Delta: -1)))
                .OrderBy(e => e.Time)
                .Aggregate((Current: 0, Max: 0), (acc, e) => (acc.Current + e.Delta, Math.Max(acc.Max, acc.Current + e.Delta)))
                .Max);
}
