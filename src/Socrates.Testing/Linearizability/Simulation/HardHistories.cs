using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Simulation;

/// <summary>
/// The histories that make a linearizability checker explode, seeded and deterministic, for
/// the checker's tests, its fixtures and its benchmark: many clients on few keys (a dozen or
/// more operations overlapping per key, appends that make every state a new string), writes
/// that never complete, crashed operations, and long sequential runs.
/// </summary>
public static class HardHistories
{
    /// <summary>
    /// <paramref name="clients"/> clients, <paramref name="operations"/> operations on
    /// <paramref name="keys"/> keys of a linearizable store (half gets, a quarter puts, a quarter
    /// appends); with <paramref name="linearizable"/> false, one get three quarters of the way in
    /// answers the value a put left before another put that completed before the get began.
    /// </summary>
    public static History<KeyValueInput, string?> KeyValue(int seed, bool linearizable, int clients = 50, int operations = 2_000, int keys = 3)
    {
        var options = new SimulationOptions
        {
            Seed = seed,
            Clients = clients,
            Operations = operations,
            MaxLatency = 3,
            MaxThinkTime = 1,
        };
        var history = KeyValueSimulation.Run(options, keys);
        return linearizable ? history : StaleGet(history) ?? throw new InvalidOperationException($"Seed {seed} gives no get that can be made stale; pick another.");
    }

    /// <summary>
    /// A compare-and-set register (reads, writes, cas on values 0-4) with
    /// <paramref name="crashRate"/> of its operations crashed (indeterminate, Jepsen's :info):
    /// each may or may not have taken effect, and its client never returns.
    /// </summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> CasRegisterWithCrashes(int seed, int operations = 1_000, int clients = 10, double crashRate = 0.2)
    {
        var options = new SimulationOptions
        {
            Seed = seed,
            Clients = clients,
            Operations = operations,
            IndeterminateRate = crashRate,
        };
        return AtomicObjectSimulator.Run<int, RegisterInput<int>, RegisterOutput<int>>(
            options,
            0,
            (random, _) => random.Next(3) switch
            {
                0 => RegisterInput<int>.Read(),
                1 => RegisterInput<int>.Write(random.Next(5)),
                _ => RegisterInput<int>.Cas(random.Next(5), random.Next(5)),
            },
            (value, input) => input.Kind switch
            {
                RegisterOperationKind.Read => (RegisterOutput<int>.Read(value), value),
                RegisterOperationKind.Write => (RegisterOutput<int>.Written, input.Value),
                _ when value == input.Expected => (RegisterOutput<int>.Swapped, input.Value),
                _ => (RegisterOutput<int>.NotSwapped, value),
            });
    }

    /// <summary>
    /// <paramref name="writers"/> writes of 1, 2, ... that never complete, then a completed read
    /// of <paramref name="seen"/>: linearizable when some pending write wrote it (or it is the
    /// initial 0), refuted without search otherwise.
    /// </summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> PendingWritesThenRead(int writers, int seen)
    {
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        for (var i = 0; i < writers; i++)
        {
            builder.Invoke(i, RegisterInput<int>.Write(i + 1));
        }

        builder.Invoke(writers, RegisterInput<int>.Read());
        return builder.Ok(writers, RegisterOutput<int>.Read(seen)).Build();
    }

    /// <summary>One client's <paramref name="operations"/> reads and writes, one after another (a register, initially 0).</summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> Sequential(int operations)
    {
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        var value = 0;
        for (var i = 0; i < operations; i++)
        {
            if (i % 2 == 0)
            {
                value = i;
                builder.Invoke(0, RegisterInput<int>.Write(value)).Ok(0, RegisterOutput<int>.Written);
            }
            else
            {
                builder.Invoke(0, RegisterInput<int>.Read()).Ok(0, RegisterOutput<int>.Read(value));
            }
        }

        return builder.Build();
    }

    // A get three quarters of the way in that answers what an older put left, though a newer put
    // on its key completed before the get began: no order explains it.
    private static History<KeyValueInput, string?>? StaleGet(History<KeyValueInput, string?> history)
    {
        var puts = history.Where(o => o.Status == OperationStatus.Ok && o.Input.Kind == KeyValueOperationKind.Put).ToList();
        var candidates = (
            from get in history
            where get.Status == OperationStatus.Ok && get.Input.Kind == KeyValueOperationKind.Get
            let newer = puts.LastOrDefault(p => p.Input.Key == get.Input.Key && p.Precedes(get))
            where newer is not null
            let older = puts.LastOrDefault(p => p.Input.Key == get.Input.Key && p.Precedes(newer))
            where older is not null && older.Input.Value != get.Output
            select (Get: get, Stale: older.Input.Value)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (target, stale) = candidates[candidates.Count * 3 / 4];
        return new History<KeyValueInput, string?>(history.Select(o => o.Id == target.Id ? o with { Output = stale } : o));
    }
}
