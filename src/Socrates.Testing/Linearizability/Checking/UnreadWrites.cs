using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// Values no completed read of the partition can observe ("dead": no read saw them or a value
/// appends can grow them into), and the blind writes (puts) installing them. For a model whose
/// state-changing operations are blind writes and appends, all always legal
/// (<see cref="IBlindWriteModel{TInput}"/>), two states holding dead values are interchangeable:
/// no read is legal in either, an append keeps a dead value dead (a value it grows into, a read
/// could only see if it could see the shorter one), a blind write leaves the same state from
/// both, and the search's read-reachability test answers the same for both. So the search keeps
/// every dead state as one: an unread put, wherever it is placed, then leads to the same
/// configurations, and so do the appends erased after it.
/// An indeterminate unread put is never needed: in any valid order the appends after it up to the
/// next blind write may as well come before it (nothing reads in between, real time never
/// forbids it as it never returns), and then leaving it out changes nothing.
/// Appends are not covered by the second rule: an unread append still changes what later reads see.
/// </summary>
internal sealed class UnreadWrites<TState, TInput, TOutput>
    where TState : notnull
{
    // Growth is checked value by observed value; beyond this the rule is left off (a long
    // history of appends would otherwise pay quadratic time).
    private const int MaxObservedWithGrowth = 2_048;

    private readonly IReachableValueModel<TState, TInput, TOutput> _values;
    private readonly HashSet<object?> _observed;
    private readonly bool _grows;
    private readonly TInput _probe; // an operation of the partition, to ask the value a state holds
    private readonly bool[] _neverNeeded;
    private int _deadState = -1;

    private UnreadWrites(IReachableValueModel<TState, TInput, TOutput> values, HashSet<object?> observed, bool grows, TInput probe, bool[] neverNeeded)
    {
        _values = values;
        _observed = observed;
        _grows = grows;
        _probe = probe;
        _neverNeeded = neverNeeded;
    }

    /// <summary>The rule for a partition; null when the model cannot tell.</summary>
    public static UnreadWrites<TState, TInput, TOutput>? For(IModel<TState, TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations, bool[] isRead)
    {
        if (operations.Count == 0 || model is not IBlindWriteModel<TInput> blind || model is not IReachableValueModel<TState, TInput, TOutput> values)
        {
            return null;
        }

        // The value a state holds is asked for the partition's one key: with several, two states
        // alike in it could differ elsewhere.
        var key = model.PartitionKey(operations[0].Input);
        if (key is null || operations.Any(o => !string.Equals(model.PartitionKey(o.Input), key, StringComparison.Ordinal)))
        {
            return null;
        }

        var observed = new HashSet<object?>(values.ValueComparer);
        var grows = false;
        for (var i = 0; i < operations.Count; i++)
        {
            grows |= values.EffectOf(operations[i].Input, out _) == ValueEffect.Derives;
            // A read whose observation the model cannot name might observe anything.
            if (isRead[i])
            {
                if (!values.TryGetObserved(operations[i].Input, operations[i].Output!, out var value))
                {
                    return null;
                }

                observed.Add(value);
            }
        }

        if (grows && observed.Count > MaxObservedWithGrowth)
        {
            return null;
        }

        var rule = new UnreadWrites<TState, TInput, TOutput>(values, observed, grows, operations[0].Input, new bool[operations.Count]);
        for (var i = 0; i < operations.Count; i++)
        {
            values.EffectOf(operations[i].Input, out var installed);
            rule._neverNeeded[i] = blind.IsBlindWrite(operations[i].Input)
                && operations[i].Status == OperationStatus.Indeterminate
                && rule.IsDeadValue(installed);
        }

        return rule;
    }

    /// <summary>True for an indeterminate put no read can observe: the search never tries it.</summary>
    public bool NeverNeeded(int operation) => _neverNeeded[operation];

    /// <summary>True when no read can see the value <paramref name="state"/> holds, nor one it grows into.</summary>
    public bool IsDead(TState state) => IsDeadValue(_values.ValueOf(state, _probe));

    /// <summary>The number the search keeps every dead state as: the first one it met.</summary>
    public int DeadState(int number)
    {
        if (_deadState < 0)
        {
            _deadState = number;
        }

        return _deadState;
    }

    // A null value may stand for the model's default: counted as observable.
    private bool IsDeadValue(object? value) =>
        value is not null && !_observed.Contains(value) && !(_grows && _observed.Any(v => _values.MayGrow(value, v)));
}
