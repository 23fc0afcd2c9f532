using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The cheap necessary condition checked before searching a partition of a
/// <see cref="IWrittenValueModel{TInput, TOutput}"/>: every completed read saw the initial value
/// or a value that some operation invoked no later than the read's completion installs. Sound:
/// a read linearized at time t sees the value of the last write linearized before t, and that
/// write was invoked before t. Linear in the partition, so 300 pending writes followed by a read
/// of a value none of them wrote is refuted at once instead of by exploring 2^300 subsets.
/// </summary>
internal static class UnwrittenReads
{
    /// <returns>The index of the first (by completion) read no write explains, or -1 (none, or the model derives values).</returns>
    public static int Find<TInput, TOutput>(IWrittenValueModel<TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations)
    {
        // Earliest invocation of an operation installing each value; null is kept apart (no null dictionary keys).
        var firstInstall = new Dictionary<object, long>(new NonNullComparer(model.ValueComparer));
        var firstNullInstall = long.MaxValue;
        foreach (var op in operations)
        {
            switch (model.EffectOf(op.Input, out var value))
            {
                case ValueEffect.Derives:
                    return -1;
                case ValueEffect.Installs when value is null:
                    firstNullInstall = Math.Min(firstNullInstall, op.InvokedAt);
                    break;
                case ValueEffect.Installs:
                    firstInstall[value] = firstInstall.TryGetValue(value, out var at) ? Math.Min(at, op.InvokedAt) : op.InvokedAt;
                    break;
            }
        }

        var offender = -1;
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            if (op.Status != OperationStatus.Ok || !model.TryGetObserved(op.Input, op.Output!, out var seen)
                || model.ValueComparer.Equals(seen, model.InitialValue))
            {
                continue;
            }

            var installed = seen is null ? firstNullInstall : firstInstall.GetValueOrDefault(seen, long.MaxValue);
            // Calls before returns at equal times: a write invoked as the read completes may precede it.
            if (installed > op.CompletedAt && (offender < 0 || op.CompletedAt < operations[offender].CompletedAt))
            {
                offender = i;
            }
        }

        return offender;
    }

    private sealed class NonNullComparer(IEqualityComparer<object?> values) : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => values.Equals(x, y);

        public int GetHashCode(object obj) => values.GetHashCode(obj);
    }
}
