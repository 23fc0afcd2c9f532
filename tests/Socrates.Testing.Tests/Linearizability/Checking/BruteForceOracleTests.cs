using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The checker (cheap read check, parallel partitions and search together) against a brute-force
/// oracle that tries every order of every subset of indeterminate operations, on small random
/// histories that are often not linearizable: the verdicts must agree.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BruteForceOracleTests
{
    [Fact]
    public void Check_SmallRandomCasRegisterHistories_AgreesWithBruteForce()
    {
        var model = new CasRegisterModel<int>(0);
        var (linearizable, not) = (0, 0);
        for (var seed = 0; seed < 400; seed++)
        {
            var history = RandomHistory(new Random(seed));

            var expected = BruteForce(model, history);
            var actual = LinearizabilityChecker.Check(model, history).Outcome;

            Assert.True(actual == (expected ? CheckOutcome.Linearizable : CheckOutcome.NotLinearizable), $"seed {seed}: brute force says {expected}, the checker {actual}");
            (linearizable, not) = expected ? (linearizable + 1, not) : (linearizable, not + 1);
        }

        // Both kinds must be well represented, or the agreement proves little.
        Assert.True(linearizable > 50 && not > 50, $"{linearizable} linearizable, {not} not");
    }

    // 3 client slots, 2-6 operations on values 0-2, random overlaps; some indeterminate or failed.
    // Each operation gets a fresh client id: an :info'd client never returns in Jepsen either.
    private static History<RegisterInput<int>, RegisterOutput<int>> RandomHistory(Random random)
    {
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        var open = new Dictionary<int, (int Client, RegisterInput<int> Input)>();
        var remaining = random.Next(2, 7);
        var nextClient = 0;
        while (remaining > 0 || open.Count > 0)
        {
            var slot = random.Next(3);
            if (open.Remove(slot, out var pending))
            {
                var roll = random.Next(10);
                if (roll == 0)
                {
                    builder.Fail(pending.Client);
                }
                else if (roll == 1)
                {
                    builder.Info(pending.Client);
                }
                else
                {
                    builder.Ok(pending.Client, pending.Input.Kind switch
                    {
                        RegisterOperationKind.Read => RegisterOutput<int>.Read(random.Next(3)),
                        RegisterOperationKind.Write => RegisterOutput<int>.Written,
                        _ => random.Next(2) == 0 ? RegisterOutput<int>.Swapped : RegisterOutput<int>.NotSwapped,
                    });
                }
            }
            else if (remaining > 0)
            {
                var input = random.Next(3) switch
                {
                    0 => RegisterInput<int>.Read(),
                    1 => RegisterInput<int>.Write(random.Next(3)),
                    _ => RegisterInput<int>.Cas(random.Next(3), random.Next(3)),
                };
                builder.Invoke(nextClient, input);
                open[slot] = (nextClient++, input);
                remaining--;
            }
        }

        return builder.Build();
    }

    private static bool BruteForce(CasRegisterModel<int> model, History<RegisterInput<int>, RegisterOutput<int>> history)
    {
        var ops = history.Where(o => o.Status != OperationStatus.Failed).ToArray();
        var mandatory = ops.Where(o => o.Status == OperationStatus.Ok).Select(o => o.Id).ToHashSet();
        return Extend(model.InitialState, [], ops, mandatory, model);
    }

    // Depth-first over every order: an op may come next when no unplaced completed op finished before it started.
    private static bool Extend(
        RegisterState<int> state,
        HashSet<int> placed,
        Operation<RegisterInput<int>, RegisterOutput<int>>[] ops,
        HashSet<int> mandatory,
        CasRegisterModel<int> model)
    {
        if (mandatory.IsSubsetOf(placed))
        {
            return true;
        }

        foreach (var op in ops.Where(o => !placed.Contains(o.Id)))
        {
            if (ops.Any(other => !placed.Contains(other.Id) && other.Id != op.Id && other.Status == OperationStatus.Ok && other.CompletedAt < op.InvokedAt))
            {
                continue;
            }

            var step = op.Status == OperationStatus.Ok
                ? model.Apply(state, op.Input, op.Output)
                : StepResult<RegisterState<int>>.Legal(model.ApplyIndeterminate(state, op.Input));
            if (step.IsLegal && Extend(step.NextState!, [.. placed, op.Id], ops, mandatory, model))
            {
                return true;
            }
        }

        return false;
    }
}
