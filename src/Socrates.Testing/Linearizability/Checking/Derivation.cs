using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The derived operations (appends) that must follow an installer for a read to see what it
/// saw through it, when there is exactly one such sequence. Built step by step: from the
/// installed value, the operations that could act next are those that may come between the
/// installer and the read in real time; of them, the ones whose growth can still become what the
/// read saw. When each step has exactly one, every order that explains the read through this
/// installer applies that operation there (an operation that changes nothing is never needed),
/// so each of them must be placed after the installer. Ambiguous or too dear: not known (null).
/// </summary>
internal sealed class Derivation<TState, TInput, TOutput>
{
    // A read's derivation is not worth more than this many growth attempts (long histories of
    // long appended values would otherwise cost quadratic time before the search starts).
    private const int MaxAttemptsPerRead = 4_096;

    private readonly IReachableValueModel<TState, TInput, TOutput> _model;
    private readonly IReadOnlyList<Operation<TInput, TOutput>> _operations;
    private readonly int[] _completed; // completed derived operations by invocation
    private readonly int[] _indeterminate; // derived operations that never returned, by invocation
    private readonly long _longest; // the longest duration among the completed ones

    public Derivation(IReachableValueModel<TState, TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations, IEnumerable<int> derivers)
    {
        _model = model;
        _operations = operations;
        var byInvocation = derivers.OrderBy(d => operations[d].InvokedAt).ToList();
        _completed = [.. byInvocation.Where(d => operations[d].CompletedAt != Operation<TInput, TOutput>.Never)];
        _indeterminate = [.. byInvocation.Where(d => operations[d].CompletedAt == Operation<TInput, TOutput>.Never)];
        _longest = _completed.Length == 0 ? 0 : _completed.Max(d => operations[d].CompletedAt - operations[d].InvokedAt);
    }

    /// <summary>The derived operations the read needs after <paramref name="installer"/>, in order; null when not one sequence.</summary>
    public int[]? Needed(int installer, int read, object? seen)
    {
        _model.EffectOf(_operations[installer].Input, out var value);
        var candidates = Between(installer, read);
        if (candidates is null)
        {
            return null;
        }

        var needed = new List<int>();
        var attempts = 0;
        while (!_model.ValueComparer.Equals(value, seen))
        {
            var (found, grown) = (-1, (object?)null);
            foreach (var d in candidates)
            {
                if (++attempts > MaxAttemptsPerRead)
                {
                    return null;
                }

                var next = _model.Grow(value, _operations[d].Input);
                if (needed.Contains(d) || _model.ValueComparer.Equals(next, value) || !(_model.ValueComparer.Equals(next, seen) || _model.MayGrow(next, seen)))
                {
                    continue;
                }

                if (found >= 0)
                {
                    return null; // two ways on: either may be the one
                }

                (found, grown) = (d, next);
            }

            if (found < 0)
            {
                return null;
            }

            needed.Add(found);
            value = grown;
        }

        return [.. needed];
    }

    // The derived operations that may come after the installer and before the read: invoked
    // before the read returned, returned (if ever) after the installer was invoked.
    private List<int>? Between(int installer, int read)
    {
        var from = _operations[installer].InvokedAt;
        var until = _operations[read].CompletedAt;
        var between = new List<int>();
        var low = 0;
        var high = _completed.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = _operations[_completed[middle]].InvokedAt > until ? (low, middle) : (middle + 1, high);
        }

        for (var i = low - 1; i >= 0 && _operations[_completed[i]].InvokedAt >= from - _longest; i--)
        {
            var d = _completed[i];
            if (_operations[d].CompletedAt >= from && d != read)
            {
                between.Add(d);
            }
        }

        between.AddRange(_indeterminate.TakeWhile(d => _operations[d].InvokedAt <= until));
        return between.Count > MaxAttemptsPerRead ? null : between;
    }
}
