using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The search drops a put as the source of what a get saw once an append the get needs after
/// that put is already placed. That is only sound when the appends needed are one sequence and
/// no other: with repeated append values, or values that split two ways, a naive choice of the
/// needed append would refute linearizable histories. Each case is checked against brute force.
/// </summary>
[Trait("Category", "Unit")]
public sealed class DerivationPruningTests
{
    private static readonly KeyValueModel Model = new();

    [Fact]
    public void Check_SameAppendValueTwice_LinearizableThroughTheOtherOne()
    {
        // Two appends of "a": the one invoked second must come before the put (a get sees "a",
        // then a get sees "x" after it returned), so the one invoked first makes "xa". Needing
        // the second after the put would refute the history.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(2, KeyValueInput.Append("k", "a"))
            .Invoke(1, KeyValueInput.Put("k", "x"))
            .Invoke(0, KeyValueInput.Append("k", "a"))
            .Invoke(3, KeyValueInput.Get("k"))
            .Ok(0, null)
            .Ok(3, "a")
            .Invoke(3, KeyValueInput.Get("k"))
            .Invoke(4, KeyValueInput.Get("k"))
            .Ok(4, "x")
            .Ok(1, null)
            .Ok(2, null)
            .Ok(3, "xa")
            .Build();

        AssertAgreesWithBruteForce(history, expected: true);
    }

    [Fact]
    public void Check_AppendsThatSplitTwoWays_LinearizableThroughTheSecondWay()
    {
        // "xab" is "x" + "ab" or "x" + "a" + "b"; "ab" (invoked after "a" and "b") must come
        // before the put, so only the second way is left.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(2, KeyValueInput.Append("k", "a"))
            .Invoke(5, KeyValueInput.Append("k", "b"))
            .Invoke(1, KeyValueInput.Put("k", "x"))
            .Invoke(0, KeyValueInput.Append("k", "ab"))
            .Invoke(3, KeyValueInput.Get("k"))
            .Ok(0, null)
            .Ok(3, "ab")
            .Invoke(3, KeyValueInput.Get("k"))
            .Invoke(4, KeyValueInput.Get("k"))
            .Ok(4, "x")
            .Ok(1, null)
            .Ok(2, null)
            .Ok(5, null)
            .Ok(3, "xab")
            .Build();

        AssertAgreesWithBruteForce(history, expected: true);
    }

    [Fact]
    public void Check_NeededAppendSeenBeforeThePut_NotLinearizable()
    {
        // The only "a" is seen before the put, so nothing can make "xa" afterwards.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(0, KeyValueInput.Append("k", "a"))
            .Invoke(1, KeyValueInput.Put("k", "x"))
            .Invoke(3, KeyValueInput.Get("k"))
            .Ok(0, null)
            .Ok(3, "a")
            .Invoke(3, KeyValueInput.Get("k"))
            .Ok(1, null)
            .Ok(3, "xa")
            .Build();

        AssertAgreesWithBruteForce(history, expected: false);
    }

    [Fact]
    public void Check_SmallHistoriesWithRepeatedAppendValues_AgreesWithBruteForce()
    {
        var (linearizable, not) = (0, 0);
        for (var seed = 0; seed < 600; seed++)
        {
            var history = RepeatedValues(seed);

            var expected = BruteForce.IsLinearizable(Model, history);
            var actual = LinearizabilityChecker.Check(Model, history, new CheckOptions { MaxDegreeOfParallelism = 1 }).Outcome;

            Assert.True(actual == (expected ? CheckOutcome.Linearizable : CheckOutcome.NotLinearizable), $"seed {seed}: brute force says {expected}, the checker {actual}");
            (linearizable, not) = expected ? (linearizable + 1, not) : (linearizable, not + 1);
        }

        Assert.True(linearizable > 50 && not > 50, $"{linearizable} linearizable, {not} not");
    }

    private static void AssertAgreesWithBruteForce(History<KeyValueInput, string?> history, bool expected)
    {
        Assert.Equal(expected, BruteForce.IsLinearizable(Model, history));
        Assert.Equal(expected ? CheckOutcome.Linearizable : CheckOutcome.NotLinearizable, LinearizabilityChecker.Check(Model, history).Outcome);
    }

    // 3 clients, 9 operations on one key whose puts and appends draw from a few short values that
    // repeat and split ("a", "b", "ab"), then one get in three told another value seen or written.
    private static History<KeyValueInput, string?> RepeatedValues(int seed)
    {
        string[] appended = ["a", "b", "ab", "a"];
        string[] put = ["x", "xa", "a"];
        var history = AtomicObjectSimulator.Run<string?, KeyValueInput, string?>(
            new SimulationOptions { Seed = seed, Clients = 3, Operations = 9, IndeterminateRate = 0.1 },
            null,
            (random, _) => random.Next(3) switch
            {
                0 => KeyValueInput.Get("k"),
                1 => KeyValueInput.Put("k", put[random.Next(put.Length)]),
                _ => KeyValueInput.Append("k", appended[random.Next(appended.Length)]),
            },
            (value, input) => input.Kind switch
            {
                KeyValueOperationKind.Get => (value, value),
                KeyValueOperationKind.Put => (null, input.Value),
                _ => (null, value + input.Value),
            });
        var random = new Random(seed);
        var seen = history.Select(o => o.Input.Kind == KeyValueOperationKind.Get ? o.Output : o.Input.Value).Append("xab").Append("aab").ToList();
        return new History<KeyValueInput, string?>(history.Select(o =>
            o.Status != OperationStatus.Ok || o.Input.Kind != KeyValueOperationKind.Get || random.Next(3) != 0 ? o
            : o with { Output = seen[random.Next(seen.Count)] }));
    }
}
