using Socrates.Core.Failpoints;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// Wing &amp; Gong's search with Lowe's refinements ("Testing for linearizability", 2017), as
/// Porcupine runs it: operations are tried in the order of a doubly-linked list of call/return
/// events; reaching a return whose call is not linearized means backtracking. Every (set of
/// linearized operations, state) reached is memoised, states interned to numbers, so a
/// configuration is expanded once, whatever the order that led to it.
/// One reduction on top: a completed read-only operation that may come next and is legal in the
/// current state is placed at once, and never tried elsewhere. Placing it first keeps every
/// completion of the rest valid (it changes no state, and no unplaced operation has returned
/// before its call), so if that branch fails the configuration fails. Reads then stop
/// multiplying the sets of linearized operations, which is what blows up read-heavy histories.
/// Indeterminate operations return at +infinity: reaching one of their returns means every
/// completed operation is linearized, and the rest may take effect (or not) afterwards.
/// </summary>
internal static class LinearizationSearch
{
    private const int CancellationCheckInterval = 1024;

    // Besides the state's own size: the intern table's entry, the list slot, the object header.
    private const long StateOverheadBytes = 96;

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
        using var memory = (limits.Memory ?? new MemoryBudget(null)).Open();
        var head = BuildEventList(operations);
        var linearized = Bitset.Create(count);
        var setHash = 0UL;
        var cache = new ConfigurationCache(count);
        var states = new StateTable<TState>(model.StateComparer);
        var state = states.Intern(model.InitialState, out _);
        memory.Take(StateOverheadBytes + model.EstimateSize(model.InitialState));
        var calls = new Stack<Frame>();
        var steps = 0L;
        int[] longest = [];
        var blocked = -1;
        var completedDepth = 0; // completed (not indeterminate) operations on the stack
        var longestCompleted = -1;

        var isRead = new bool[count];
        for (var i = 0; i < count; i++)
        {
            isRead[i] = operations[i].Status == OperationStatus.Ok && model.IsReadOnly(operations[i].Input);
        }

        // Values no read can observe, grown or not, are one state; indeterminate unread puts are never tried (UnreadWrites).
        var unread = UnreadWrites<TState, TInput, TOutput>.For(model, operations, isRead);
        var canonical = new List<int> { state }; // per interned state: the state it stands as
        var reachability = ReadReachability<TState, TInput, TOutput>.For(model, operations, isRead);

        // Canary checker.budget-spent: the budget is gone before the first step, as on a history
        // too large for the search; the Unknown-verdicts gate must then go red.
        if (head.Next is not null && Failpoint.IsActive(TestKitFailpoints.CheckerBudgetSpent))
        {
            return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps, "the budget was spent before the first step");
        }

        string? OverBudget() => memory.Exceeded
            ? $"the memory budget of {Megabytes(limits.Memory!.MaxBytes!.Value)} was reached ({cache.Count} configurations cached)"
            : null;

        // Places the call's operation, taking the state to next; false when that configuration was reached before.
        bool TryPlace(Entry call, int next, bool forced)
        {
            Bitset.Set(linearized, call.Operation);
            setHash ^= Bitset.ZobristKey(call.Operation);
            // The only operation that could come next: a configuration reached this way has one
            // way in from its predecessor, so it is not kept (a long sequential history would
            // otherwise cache a bitset per operation). Remembering it would only save time.
            var onlyChoice = head.Next == call && call.Next is not { IsCall: true };
            if (!onlyChoice)
            {
                if (!cache.TryAdd(linearized, setHash, next))
                {
                    Bitset.Clear(linearized, call.Operation);
                    setHash ^= Bitset.ZobristKey(call.Operation);
                    return false;
                }

                memory.Take(cache.BytesPerEntry);
            }

            calls.Push(new Frame(call, state, forced));
            completedDepth += operations[call.Operation].Status == OperationStatus.Ok ? 1 : 0;
            state = next;
            call.Lift();
            return true;
        }

        // The most completed operations placed, then the fewest indeterminate ones: the clearest
        // explanation of a dead end at the operation that could not be placed (an optional write
        // placed early only muddles it).
        void RecordDeadEnd(int operation)
        {
            if (completedDepth > longestCompleted || (completedDepth == longestCompleted && calls.Count < longest.Length))
            {
                longest = [.. calls.Reverse().Select(c => c.Call.Operation)];
                longestCompleted = completedDepth;
                blocked = operation;
            }
        }

        // Undoes placements down to the last free choice; the entry after it is the next to try, null when none is left.
        Entry? Backtrack()
        {
            while (calls.Count > 0)
            {
                var frame = calls.Pop();
                completedDepth -= operations[frame.Call.Operation].Status == OperationStatus.Ok ? 1 : 0;
                state = frame.StateBefore;
                Bitset.Clear(linearized, frame.Call.Operation);
                setHash ^= Bitset.ZobristKey(frame.Call.Operation);
                frame.Call.Unlift();
                if (!frame.Forced)
                {
                    return frame.Call.Next;
                }
            }

            return null;
        }

        // Places every completed read that may come next (its call precedes the first pending
        // return) and is legal now. False when one of them leads to a configuration reached
        // before, which therefore failed, or when one not legal can no longer become so.
        bool PlaceLegalReads()
        {
            var current = states[state];
            var read = head.Next;
            while (read is { IsCall: true })
            {
                if (isRead[read.Operation] && ApplyCompleted(model, current, operations[read.Operation]).IsLegal)
                {
                    var before = read.Previous!;
                    // A read leaves the state as it was: the same state number.
                    if (!TryPlace(read, state, forced: true))
                    {
                        return false;
                    }

                    read = before.Next; // the read's call and return are out of the list now
                    continue;
                }

                if (isRead[read.Operation] && reachability is not null && !reachability.MayStillSee(read.Operation, current, linearized))
                {
                    RecordDeadEnd(read.Operation);
                    return false;
                }

                read = read.Next;
            }

            return true;
        }

        var entry = head.Next;
        var fresh = true; // a configuration not swept for reads yet
        while (head.Next is not null)
        {
            if (++steps % CancellationCheckInterval == 0 && (cancellationToken.IsCancellationRequested || steps > maxSteps))
            {
                var why = cancellationToken.IsCancellationRequested ? "the time budget ran out" : $"the step allowance of {maxSteps} ran out";
                return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps, why);
            }

            if (fresh)
            {
                fresh = false;
                if (!PlaceLegalReads())
                {
                    // A read legal here leads to a configuration that failed before: so does this one.
                    entry = Backtrack();
                    if (entry is null)
                    {
                        return new SearchResult(CheckOutcome.NotLinearizable, longest, blocked, steps);
                    }

                    continue;
                }

                if (OverBudget() is { } spent)
                {
                    return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps, spent);
                }

                entry = head.Next;
                continue;
            }

            if (entry!.IsCall)
            {
                // Reads that may come next were placed by the sweep if legal; the others are not.
                if (!isRead[entry.Operation] && unread?.NeverNeeded(entry.Operation) != true)
                {
                    var op = operations[entry.Operation];
                    var current = states[state];
                    var step = op.Status == OperationStatus.Ok
                        ? ApplyCompleted(model, current, op)
                        : StepResult<TState>.Legal(model.ApplyIndeterminate(current, op.Input));
                    if (step.IsLegal)
                    {
                        var next = states.Intern(step.NextState!, out var added);
                        if (added)
                        {
                            memory.Take(StateOverheadBytes + model.EstimateSize(step.NextState!));
                            canonical.Add(unread is not null && unread.IsDead(step.NextState!) ? unread.DeadState(next) : next);
                        }

                        next = canonical[next];

                        if (TryPlace(entry, next, forced: false))
                        {
                            if (OverBudget() is { } spent)
                            {
                                return new SearchResult(CheckOutcome.Unknown, longest, blocked, steps, spent);
                            }

                            fresh = true;
                            continue;
                        }
                    }
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

            RecordDeadEnd(entry.Operation);
            entry = Backtrack();
            if (entry is null)
            {
                return new SearchResult(CheckOutcome.NotLinearizable, longest, blocked, steps);
            }
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
