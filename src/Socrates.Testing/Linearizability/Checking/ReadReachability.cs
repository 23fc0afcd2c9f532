using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// A necessary condition for a completed read that may come next but is not legal yet: what
/// it saw is still reachable. Either the current value can grow into it (appends only), or an
/// operation not placed yet, overlapping the read, installs a value that equals or can grow
/// into it (any state the read could still see comes from one of these two). Sound: a
/// configuration failing it cannot be completed, so the search drops it at once instead of
/// exploring every order of the writes around the read first.
/// With derived values (appends) an installer only leads to what the read saw through the
/// derived operations that grow its value into it. When those are one sequence and no other
/// (see <see cref="Derivation"/>), each of them must come after the installer: one already placed
/// while the installer is not rules that installer out.
/// </summary>
internal sealed class ReadReachability<TState, TInput, TOutput>
    where TState : notnull
{
    private readonly IReachableValueModel<TState, TInput, TOutput> _model;
    private readonly IReadOnlyList<Operation<TInput, TOutput>> _operations;
    private readonly object?[] _seen;
    private readonly int[]?[] _installers; // per read: the operations that can still lead to what it saw; null: not checked
    private readonly int[]?[][] _derivations; // per read and installer: the derived operations it needs after it; null: not known
    private readonly bool _grows;

    private ReadReachability(IReachableValueModel<TState, TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations, bool[] isRead)
    {
        _model = model;
        _operations = operations;
        _seen = new object?[operations.Count];
        _installers = new int[]?[operations.Count];
        _derivations = new int[]?[operations.Count][];
        var writers = new List<int>();
        var derivers = new List<int>();
        for (var i = 0; i < operations.Count; i++)
        {
            var effect = model.EffectOf(operations[i].Input, out _);
            _grows |= effect == ValueEffect.Derives;
            if (effect == ValueEffect.Installs)
            {
                writers.Add(i);
            }
            else if (effect == ValueEffect.Derives)
            {
                derivers.Add(i);
            }
        }

        var derivation = _grows ? new Derivation<TState, TInput, TOutput>(model, operations, derivers) : null;

        // Writers by invocation; a read only needs those overlapping it (the others are placed
        // before it may come next, or cannot precede it). Reads in invocation order, the writers
        // still open kept aside, so a long sequential history costs linear time.
        writers.Sort((a, b) => operations[a].InvokedAt.CompareTo(operations[b].InvokedAt));
        var reads = Enumerable.Range(0, operations.Count).Where(i => isRead[i]).OrderBy(i => operations[i].InvokedAt).ToList();
        var open = new List<int>();
        var next = 0;
        var candidates = new List<int>();
        foreach (var read in reads)
        {
            var op = operations[read];
            if (!model.TryGetObserved(op.Input, op.Output!, out var seen))
            {
                continue;
            }

            for (; next < writers.Count && operations[writers[next]].InvokedAt < op.InvokedAt; next++)
            {
                open.Add(writers[next]);
            }

            open.RemoveAll(w => operations[w].CompletedAt < op.InvokedAt);
            candidates.Clear();
            candidates.AddRange(open.Where(w => LeadsTo(w, seen)));
            for (var later = next; later < writers.Count && operations[writers[later]].InvokedAt <= op.CompletedAt; later++)
            {
                if (LeadsTo(writers[later], seen))
                {
                    candidates.Add(writers[later]);
                }
            }

            _seen[read] = seen;
            _installers[read] = [.. candidates];
            _derivations[read] = derivation is null ? [] : [.. candidates.Select(w => derivation.Needed(w, read, seen))];
        }
    }

    /// <summary>The condition for the partition's reads, or null when the model cannot tell.</summary>
    public static ReadReachability<TState, TInput, TOutput>? For(IModel<TState, TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations, bool[] isRead) =>
        model is IReachableValueModel<TState, TInput, TOutput> values ? new(values, operations, isRead) : null;

    /// <summary>False when the read cannot see what it saw from <paramref name="state"/>, whatever is placed next.</summary>
    public bool MayStillSee(int read, TState state, ulong[] linearized)
    {
        if (_installers[read] is not { } installers)
        {
            return true;
        }

        var seen = _seen[read];
        var current = _model.ValueOf(state, _operations[read].Input);
        if (_model.ValueComparer.Equals(current, seen) || (_grows && _model.MayGrow(current, seen)))
        {
            return true;
        }

        var derivations = _derivations[read];
        for (var i = 0; i < installers.Length; i++)
        {
            if (!IsPlaced(linearized, installers[i]) && (derivations.Length == 0 || derivations[i] is not { } needed || !needed.Any(d => IsPlaced(linearized, d))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlaced(ulong[] linearized, int operation) => (linearized[operation >> 6] & (1UL << (operation & 63))) != 0;

    private bool LeadsTo(int writer, object? seen)
    {
        _model.EffectOf(_operations[writer].Input, out var installed);
        return _model.ValueComparer.Equals(installed, seen) || (_grows && _model.MayGrow(installed, seen));
    }
}
