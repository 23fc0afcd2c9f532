using Socrates.Core.Failpoints;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// Wing &amp; Gong's search with Lowe's refinements ("Testing for linearizability", 2017):
/// operations are linearized just in time, as late as real time allows, by walking a
/// doubly-linked list of call/return events; reaching a return whose call is not linearized
/// means backtracking. Every (set of linearized operations, state) reached is memoised, so a
/// configuration is expanded once, whatever the order that led to it.
/// Indeterminate operations return at +infinity: reaching one of their returns means every
/// completed operation is linearized, and the rest may take effect (or not) afterwards.
/// </summary>
internal static class LinearizationSearch
{
    private const int CancellationCheckInterval = 1024;

    /// <param name="operations">Ok and indeterminate operations of one partition (failed ones removed).</param>
    /// <param name="limits">Time, step and memory budgets; when one runs out the answer is <see cref="CheckOutcome.Unknown"/>.</param>
    public static SearchResult Run<TState, TInput, TOutput>(
        IModel<TState, TInput, TOutput> model,
        IReadOnlyList<Operation<TInput, TOutput>> operations,
        SearchLimits limits)
        where TState : notnull
    {
        var count = operations.Count;
        var cancellationToken = limits.Token;
        var maxSteps = limits.MaxSteps;
        var maxBytes = limits.MaxMemoryBytes ?? long.MaxValue;
        var entryBytes = SearchLimits.EntryBytes(count);
        var cachedBytes = 0L;
        var head = BuildEventList(operations);
        var linearized = Bitset.Create(count);
        var setHash = 0UL;
        var cache = new HashSet<CacheKey<TState>>(new CacheKeyComparer<TState>(model.StateComparer));
        var calls = new Stack<(Entry Call, TState StateBefore)>();
        var state = model.InitialState;
        var entry = head.Next;
        var steps = 0L;
        int[] longest = [];
        var blocked = -1;
        var completedDepth = 0; // completed (not indeterminate) operations on the stack
        var longestCompleted = -1;

        // Canary checker.budget-spent: the budget is gone before the first step, as on a history
        // too large for the search; the Unknown-verdicts gate must then go red.
        if (head.Next is not null && Failpoint.IsActive(TestKitFailpoints.CheckerBudgetSpent))
        {
            return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps, "the budget was spent before the first step");
        }

        while (head.Next is not null)
        {
            if (++steps % CancellationCheckInterval == 0 && (cancellationToken.IsCancellationRequested || steps > maxSteps))
            {
                var why = cancellationToken.IsCancellationRequested ? "the time budget ran out" : $"the step allowance of {maxSteps} ran out";
                return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps, why);
            }

            if (entry!.IsCall)
            {
                var op = operations[entry.Operation];
                var step = op.Status == OperationStatus.Ok
                    ? ApplyCompleted(model, state, op)
                    : StepResult<TState>.Legal(model.ApplyIndeterminate(state, op.Input));
                if (step.IsLegal)
                {
                    var key = Bitset.ZobristKey(entry.Operation);
                    Bitset.Set(linearized, entry.Operation);
                    setHash ^= key;
                    var probe = new CacheKey<TState>(linearized, setHash, step.NextState!);
                    if (!cache.Contains(probe))
                    {
                        cachedBytes += entryBytes + model.EstimateSize(step.NextState!);
                        if (cachedBytes > maxBytes)
                        {
                            return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps,
                                $"the memory budget of {Megabytes(limits.MaxMemoryBytes!.Value)} was reached ({cache.Count} configurations cached)");
                        }

                        cache.Add(new CacheKey<TState>((ulong[])linearized.Clone(), setHash, step.NextState!));
                        calls.Push((entry, state));
                        completedDepth += op.Status == OperationStatus.Ok ? 1 : 0;
                        state = step.NextState!;
                        entry.Lift();
                        entry = head.Next;
                        continue;
                    }

                    Bitset.Clear(linearized, entry.Operation);
                    setHash ^= key;
                }

                entry = entry.Next;
                continue;
            }

            // A return whose call is not linearized yet.
            if (operations[entry.Operation].Status == OperationStatus.Indeterminate)
            {
                // Only +infinity returns are left: every completed operation is placed.
                return new SearchResult(CheckOutcome.Linearizable, [], -1, steps);
            }

            // The most completed operations placed, then the fewest indeterminate ones: the
            // clearest explanation (an optional write placed early only muddles it).
            if (completedDepth > longestCompleted || (completedDepth == longestCompleted && calls.Count < longest.Length))
            {
                longest = [.. calls.Reverse().Select(c => c.Call.Operation)];
                longestCompleted = completedDepth;
                blocked = entry.Operation;
            }

            if (calls.Count == 0)
            {
                return new SearchResult(CheckOutcome.NotLinearizable, longest, blocked, steps);
            }

            var (call, before) = calls.Pop();
            completedDepth -= operations[call.Operation].Status == OperationStatus.Ok ? 1 : 0;
            state = before;
            Bitset.Clear(linearized, call.Operation);
            setHash ^= Bitset.ZobristKey(call.Operation);
            call.Unlift();
            entry = call.Next;
        }

        return new SearchResult(CheckOutcome.Linearizable, [], -1, steps);
    }

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");

    /// <summary>
    /// The sentinel head of the event list in time order. At equal times calls come before
    /// returns (the operations then count as concurrent, the permissive reading).
    /// </summary>
    private static Entry BuildEventList<TInput, TOutput>(IReadOnlyList<Operation<TInput, TOutput>> operations)
    {
        var events = new List<Entry>(operations.Count * 2);
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            var call = new Entry(i, isCall: true, op.InvokedAt);
            var ret = new Entry(i, isCall: false, op.Status == OperationStatus.Indeterminate ? Operation<TInput, TOutput>.Never : op.CompletedAt);
            call.Match = ret;
            events.Add(call);
            events.Add(ret);
        }

        events.Sort(static (a, b) =>
        {
            var byTime = a.Time.CompareTo(b.Time);
            if (byTime != 0)
            {
                return byTime;
            }

            var byKind = b.IsCall.CompareTo(a.IsCall);
            return byKind != 0 ? byKind : a.Operation.CompareTo(b.Operation);
        });

        var head = new Entry(-1, isCall: false, long.MinValue);
        var previous = head;
        foreach (var e in events)
        {
            previous.Next = e;
            e.Previous = previous;
            previous = e;
        }

        return head;
    }

    // The model's verdict on a completed operation, unless a canary breaks the oracle on purpose.
    private static StepResult<TState> ApplyCompleted<TState, TInput, TOutput>(
        IModel<TState, TInput, TOutput> model,
        TState state,
        Operation<TInput, TOutput> op)
        where TState : notnull
    {
        if (Failpoint.IsActive(TestKitFailpoints.CheckerRejectEveryAnswer))
        {
            return StepResult<TState>.Illegal;
        }

        var step = model.Apply(state, op.Input, op.Output!);
        return !step.IsLegal && Failpoint.IsActive(TestKitFailpoints.CheckerAcceptAnyAnswer)
            ? StepResult<TState>.Legal(model.ApplyIndeterminate(state, op.Input))
            : step;
    }
}
