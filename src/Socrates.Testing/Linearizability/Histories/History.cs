using System.Collections;

namespace Socrates.Testing.Linearizability.Histories;

/// <summary>
/// An immutable history: operations ordered by invocation time. Build one with
/// <see cref="HistoryRecorder{TInput, TOutput}"/> (concurrent clients) or
/// <see cref="HistoryBuilder{TInput, TOutput}"/> (by hand, in tests).
/// </summary>
public sealed class History<TInput, TOutput> : IReadOnlyList<Operation<TInput, TOutput>>
{
    private readonly Operation<TInput, TOutput>[] _operations;

    /// <summary>Creates a history, validating ids and times.</summary>
    /// <exception cref="ArgumentException">Duplicate ids, or a completion not after its invocation.</exception>
    public History(IEnumerable<Operation<TInput, TOutput>> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        _operations = [.. operations.OrderBy(o => o.InvokedAt).ThenBy(o => o.Id)];
        var ids = new HashSet<int>();
        foreach (var op in _operations)
        {
            if (!ids.Add(op.Id))
            {
                throw new ArgumentException($"Operation id {op.Id} appears twice in the history.", nameof(operations));
            }

            if (op.Status == OperationStatus.Indeterminate && op.CompletedAt != Operation<TInput, TOutput>.Never)
            {
                throw new ArgumentException(
                    $"Operation {op.Id} is indeterminate but completes at {op.CompletedAt}; indeterminate operations complete at +infinity ({nameof(Operation<TInput, TOutput>.Never)}).",
                    nameof(operations));
            }

            if (op.CompletedAt <= op.InvokedAt)
            {
                throw new ArgumentException(
                    $"Operation {op.Id} completes at {op.CompletedAt}, not after its invocation at {op.InvokedAt}.",
                    nameof(operations));
            }
        }
    }

    /// <summary>The empty history.</summary>
    public static History<TInput, TOutput> Empty { get; } = new([]);

    public int Count => _operations.Length;

    public Operation<TInput, TOutput> this[int index] => _operations[index];

    public IEnumerator<Operation<TInput, TOutput>> GetEnumerator() => ((IEnumerable<Operation<TInput, TOutput>>)_operations).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _operations.GetEnumerator();
}
