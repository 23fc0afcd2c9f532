using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The first k operations of a partition (by invocation) as recorded, plus the later operations
/// invoked before the last completed one of those k completed, made indeterminate (they may have taken effect
/// in time to be seen, their own answers are not judged). Later operations invoked after that
/// cannot be ordered before any of the k and are dropped.
/// If P(k) is not linearizable, neither is the whole history, nor P(k+1): a linearization of a
/// longer one, cut after its last determinate prefix operation, linearizes the shorter one.
/// </summary>
internal sealed record PrefixHistory<TInput, TOutput>(Operation<TInput, TOutput>[] Operations, IReadOnlySet<int> ContextIds);

/// <summary>Builds <see cref="PrefixHistory{TInput, TOutput}"/>.</summary>
internal static class PrefixHistory
{
    /// <param name="operations">A partition's operations in invocation order.</param>
    /// <param name="isReadOnly">Operations that never change the state: as context they can be left out.</param>
    public static PrefixHistory<TInput, TOutput> Of<TInput, TOutput>(Operation<TInput, TOutput>[] operations, int length, Func<TInput, bool> isReadOnly)
    {
        if (length >= operations.Length)
        {
            return new PrefixHistory<TInput, TOutput>(operations, new HashSet<int>());
        }

        // Only completed operations bound the prefix: an indeterminate one may be left out of
        // any linearization, so it does not pull later operations in.
        var end = 0L;
        for (var i = 0; i < length; i++)
        {
            if (operations[i].Status == OperationStatus.Ok)
            {
                end = Math.Max(end, operations[i].CompletedAt);
            }
        }

        var chosen = new List<Operation<TInput, TOutput>>(operations.Take(length));
        var context = new HashSet<int>();
        for (var i = length; i < operations.Length && operations[i].InvokedAt < end; i++)
        {
            var op = operations[i];
            if (isReadOnly(op.Input))
            {
                continue;
            }

            chosen.Add(op with { Output = default, CompletedAt = Operation<TInput, TOutput>.Never, Status = OperationStatus.Indeterminate });
            context.Add(op.Id);
        }

        return new PrefixHistory<TInput, TOutput>([.. chosen], context);
    }
}
