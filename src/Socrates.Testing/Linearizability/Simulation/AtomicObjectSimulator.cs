using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Simulation;

/// <summary>
/// Generates the history of concurrent clients against a simulated object that is linearizable by
/// construction: each operation takes effect atomically at a random instant between its
/// invocation and completion (random latencies and pauses). Failed operations take no effect;
/// indeterminate ones take effect with probability 1/2 and never complete. Deterministic for a
/// seed; logical times are the ranks of the simulated instants. Used to test the checker (every
/// such history must be linearizable) and to produce realistic load for it.
/// </summary>
public static class AtomicObjectSimulator
{
    /// <param name="nextInput">The next operation of a client (random source, client id).</param>
    /// <param name="apply">The object's sequential behaviour: output and next state.</param>
    public static History<TInput, TOutput> Run<TState, TInput, TOutput>(
        SimulationOptions options,
        TState initialState,
        Func<Random, int, TInput> nextInput,
        Func<TState, TInput, (TOutput Output, TState Next)> apply)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nextInput);
        ArgumentNullException.ThrowIfNull(apply);
        options.Validate();

        var random = new Random(options.Seed);
        var clientFree = new PriorityQueue<int, (double Time, int Client)>();
        for (var client = 0; client < options.Clients; client++)
        {
            clientFree.Enqueue(client, (random.NextDouble() * options.MaxThinkTime, client));
        }

        var planned = new List<Planned<TInput>>(options.Operations);
        for (var id = 0; id < options.Operations; id++)
        {
            clientFree.TryDequeue(out var client, out var free);
            var invoked = free.Time;
            var completed = invoked + (0.05 + (0.95 * random.NextDouble())) * options.MaxLatency;
            var effect = invoked + (random.NextDouble() * (completed - invoked));
            var roll = random.NextDouble();
            var status = roll < options.FailRate ? OperationStatus.Failed
                : roll < options.FailRate + options.IndeterminateRate ? OperationStatus.Indeterminate
                : OperationStatus.Ok;
            var takesEffect = status == OperationStatus.Ok || (status == OperationStatus.Indeterminate && random.Next(2) == 0);
            planned.Add(new Planned<TInput>(id, client, nextInput(random, client), invoked, completed, effect, status, takesEffect));
            clientFree.Enqueue(client, (completed + (random.NextDouble() * options.MaxThinkTime), client));
        }

        // Apply effects in the order of their instants.
        var outputs = new TOutput?[planned.Count];
        var state = initialState;
        foreach (var op in planned.Where(p => p.TakesEffect).OrderBy(p => p.Effect).ThenBy(p => p.Id))
        {
            (outputs[op.Id], state) = apply(state, op.Input);
        }

        // Logical time = rank of the instant among all invocations and completions.
        var instants = planned.Select(p => (Time: p.Invoked, Id: p.Id, IsCompletion: false))
            .Concat(planned.Where(p => p.Status != OperationStatus.Indeterminate).Select(p => (Time: p.Completed, Id: p.Id, IsCompletion: true)))
            .OrderBy(i => i.Time)
            .ThenBy(i => i.IsCompletion)
            .ThenBy(i => i.Id)
            .ToList();
        var invokedAt = new long[planned.Count];
        var completedAt = Enumerable.Repeat(Operation<TInput, TOutput>.Never, planned.Count).ToArray();
        for (var rank = 0; rank < instants.Count; rank++)
        {
            var (_, id, isCompletion) = instants[rank];
            if (isCompletion)
            {
                completedAt[id] = rank + 1;
            }
            else
            {
                invokedAt[id] = rank + 1;
            }
        }

        return new History<TInput, TOutput>(planned.Select(p => new Operation<TInput, TOutput>(
            p.Id,
            p.Client,
            p.Input,
            p.Status == OperationStatus.Ok ? outputs[p.Id] : default,
            invokedAt[p.Id],
            completedAt[p.Id],
            p.Status)));
    }

    private sealed record Planned<TInput>(
        int Id, int Client, TInput Input, double Invoked, double Completed, double Effect, OperationStatus Status, bool TakesEffect);
}
