using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The search keeps every state holding a value no read can observe (nor grow into) as one, and
/// never tries an indeterminate put no read observes. An append is not covered: its value is
/// seen inside what later reads see. Each case is checked against brute force; the hand-made
/// ones refute naive versions (a value counted dead when a read sees it grown; an unread
/// indeterminate append dropped like a put).
/// </summary>
[Trait("Category", "Unit")]
public sealed class UnreadWritePruningTests
{
    private static readonly KeyValueModel Model = new(initialValue: string.Empty);

    [Fact]
    public void Check_PutReadOnlyThroughAppends_Linearizable()
    {
        // No get sees "a" itself, only "ab": "a" is not dead, whatever "z" (unread) is.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(0, KeyValueInput.Put("k", "z"))
            .Ok(0, null)
            .Invoke(0, KeyValueInput.Put("k", "a"))
            .Ok(0, null)
            .Invoke(1, KeyValueInput.Append("k", "b"))
            .Ok(1, null)
            .Invoke(2, KeyValueInput.Get("k"))
            .Ok(2, "ab")
            .Build();

        AssertAgreesWithBruteForce(history, expected: true);
    }

    [Fact]
    public void Check_UnreadIndeterminateAppend_IsStillNeeded()
    {
        // The append "c" never returned and no get sees "c" alone, but "ac" needs it.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(0, KeyValueInput.Put("k", "a"))
            .Ok(0, null)
            .Invoke(1, KeyValueInput.Append("k", "c"))
            .Info(1)
            .Invoke(2, KeyValueInput.Get("k"))
            .Ok(2, "ac")
            .Build();

        AssertAgreesWithBruteForce(history, expected: true);
    }

    [Fact]
    public void Check_UnreadIndeterminatePutBetweenReads_NotNeededAndNotHiding()
    {
        // The put "z" may have happened, but no get saw it: the gets still need "a" then "ab".
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(3, KeyValueInput.Put("k", "z"))
            .Invoke(0, KeyValueInput.Put("k", "a"))
            .Ok(0, null)
            .Invoke(2, KeyValueInput.Get("k"))
            .Ok(2, "ab")
            .Invoke(1, KeyValueInput.Append("k", "b"))
            .Ok(1, null)
            .Info(3)
            .Build();

        AssertAgreesWithBruteForce(history, expected: false);
    }

    [Fact]
    public void Check_DeadValueRevivedByNoAppend_StaysDead()
    {
        // "x" unread, then "xb" would be read only if a get saw "xb"; it saw "b": from the dead
        // "x" no append can lead there, the put "x" must come after the get.
        var history = new HistoryBuilder<KeyValueInput, string?>()
            .Invoke(0, KeyValueInput.Put("k", "x"))
            .Invoke(1, KeyValueInput.Append("k", "b"))
            .Ok(1, null)
            .Invoke(2, KeyValueInput.Get("k"))
            .Ok(2, "b")
            .Ok(0, null)
            .Build();

        AssertAgreesWithBruteForce(history, expected: true);
    }

    [Fact]
    public void Check_SmallRandomHistoriesWithUnreadWrites_AgreesWithBruteForce()
    {
        var linearizable = 0;
        for (var seed = 0; seed < 1500; seed++)
        {
            var history = RandomHistory(new Random(seed));
            var expected = BruteForce.IsLinearizable(Model, history);
            var outcome = LinearizabilityChecker.Check(Model, history).Outcome;
            Assert.True(
                (expected ? CheckOutcome.Linearizable : CheckOutcome.NotLinearizable) == outcome,
                $"seed {seed}: brute force says {expected}, the checker {outcome}");
            linearizable += expected ? 1 : 0;
        }

        // Both verdicts are exercised.
        Assert.InRange(linearizable, 150, 1350);
    }

    private static void AssertAgreesWithBruteForce(History<KeyValueInput, string?> history, bool expected)
    {
        Assert.Equal(expected, BruteForce.IsLinearizable(Model, history));
        Assert.Equal(expected ? CheckOutcome.Linearizable : CheckOutcome.NotLinearizable, LinearizabilityChecker.Check(Model, history).Outcome);
    }

    // 4 clients, up to 9 operations on one key with overlapping intervals: puts of values most
    // gets never see, appends of short values that can combine ("a", "b", "ab"), some writes
    // that never return, and gets told a value met along the way or a random one.
    private static History<KeyValueInput, string?> RandomHistory(Random random)
    {
        string[] puts = ["x", "y", "xa", "z"];
        string[] appends = ["a", "b", "ab"];
        string[] guesses = ["", "x", "xa", "xab", "a", "ab", "b", "ya", "zb", "y"];
        var builder = new HistoryBuilder<KeyValueInput, string?>();
        var open = new Dictionary<int, KeyValueInput>();
        var value = string.Empty;
        var seen = new List<string> { value };
        var count = random.Next(4, 10);
        for (var started = 0; started < count || open.Count > 0;)
        {
            var client = random.Next(4);
            if (open.TryGetValue(client, out var input))
            {
                open.Remove(client);
                if (input.Kind != KeyValueOperationKind.Get && random.Next(5) == 0)
                {
                    builder.Info(client); // crashed: may or may not have happened
                    continue;
                }

                if (input.Kind == KeyValueOperationKind.Put)
                {
                    value = input.Value!;
                }
                else if (input.Kind == KeyValueOperationKind.Append)
                {
                    value += input.Value;
                }

                seen.Add(value);
                var answer = input.Kind != KeyValueOperationKind.Get
                    ? null
                    : random.Next(3) == 0 ? guesses[random.Next(guesses.Length)] : seen[random.Next(Math.Max(0, seen.Count - 3), seen.Count)];
                builder.Ok(client, answer);
            }
            else if (started < count)
            {
                var kind = random.Next(3);
                var next = kind switch
                {
                    0 => KeyValueInput.Get("k"),
                    1 => KeyValueInput.Put("k", puts[random.Next(puts.Length)]),
                    _ => KeyValueInput.Append("k", appends[random.Next(appends.Length)]),
                };
                open[client] = next;
                builder.Invoke(client, next);
                started++;
            }
        }

        return builder.Build();
    }
}
