using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The cheap necessary condition for a stale read, checked before the search: a completed read
/// saw a value that only some operations can lead to (installing it, or a value appends grow
/// into it; or the initial value). If each of them is followed, in real time, by a completed
/// operation that certainly replaced the value with one that cannot lead to it, and that one
/// completed before the read began, no order explains the read. Sound: in any linearization
/// the last replacement before the read leads to what it saw, and real time forces every such
/// overwrite between it and the read. Refuting it by search can mean enumerating every
/// configuration before the read; here it costs one pass.
/// </summary>
internal static class OverwrittenReads
{
    /// <returns>The first (by completion) read refuted so, with the write it read from and the one that overwrote it; null when none.</returns>
    public static StaleRead<TInput, TOutput>? Find<TState, TInput, TOutput>(IReachableValueModel<TState, TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations, Func<TInput, bool> isReadOnly)
    {
        // Certain replacements by invocation, with the earliest completion from each one on.
        var replacements = operations
            .Where(o => o.Status == OperationStatus.Ok && model.EffectOf(o.Input, out _) == ValueEffect.Installs && model.Replaces(o.Input, o.Output!))
            .OrderBy(o => o.InvokedAt)
            .ToArray();
        var earliestCompletion = new long[replacements.Length + 1];
        earliestCompletion[replacements.Length] = long.MaxValue;
        for (var i = replacements.Length - 1; i >= 0; i--)
        {
            earliestCompletion[i] = Math.Min(earliestCompletion[i + 1], replacements[i].CompletedAt);
        }

        var installers = operations.Where(o => model.EffectOf(o.Input, out _) == ValueEffect.Installs).ToArray();
        var grows = operations.Any(o => model.EffectOf(o.Input, out _) == ValueEffect.Derives);
        // Without growth only installers of the very value lead to it: found by value, so a long history stays linear.
        var byValue = installers.Where(w => Installed(model, w) is not null).ToLookup(w => Installed(model, w)!, new NonNullComparer(model.ValueComparer));
        var nullInstallers = installers.Where(w => Installed(model, w) is null).ToArray();
        if (grows && (long)installers.Length * operations.Count > 50_000_000)
        {
            return null; // too dear to check every installer against every read; the search decides
        }

        StaleRead<TInput, TOutput>? offender = null;
        for (var r = 0; r < operations.Count; r++)
        {
            var read = operations[r];
            if (read.Status != OperationStatus.Ok || !isReadOnly(read.Input) || !model.TryGetObserved(read.Input, read.Output!, out var seen)
                || (offender is not null && read.CompletedAt >= offender.Read.CompletedAt))
            {
                continue;
            }

            bool LeadsTo(object? value) => model.ValueComparer.Equals(value, seen) || model.MayGrow(value, seen);
            Operation<TInput, TOutput>? Overwriter(long after) => OverwrittenBetween(model, replacements, earliestCompletion, after, read.InvokedAt, LeadsTo);

            // The initial value counts as installed before everything.
            var sources = (grows ? installers : seen is null ? nullInstallers : byValue[seen])
                .Where(w => w.InvokedAt <= read.CompletedAt && LeadsTo(Installed(model, w)))
                .ToList();
            var explained = (LeadsTo(model.InitialValue) && Overwriter(long.MinValue) is null)
                || sources.Any(w => Overwriter(w.CompletedAt) is null);
            if (!explained)
            {
                // The latest source is the likeliest one the read meant; the initial value when there is none.
                var source = sources.MaxBy(w => w.CompletedAt);
                var overwriter = source is not null || LeadsTo(model.InitialValue) ? Overwriter(source?.CompletedAt ?? long.MinValue) : null;
                offender = new StaleRead<TInput, TOutput>(read, source, overwriter);
            }
        }

        return offender;
    }

    private static object? Installed<TInput, TOutput>(IWrittenValueModel<TInput, TOutput> model, Operation<TInput, TOutput> op)
    {
        model.EffectOf(op.Input, out var value);
        return value;
    }

    // A certain replacement invoked after 'after' and completed before 'before', with a value that cannot lead to what the read saw; null when none.
    private static Operation<TInput, TOutput>? OverwrittenBetween<TState, TInput, TOutput>(
        IReachableValueModel<TState, TInput, TOutput> model,
        Operation<TInput, TOutput>[] replacements,
        long[] earliestCompletion,
        long after,
        long before,
        Func<object?, bool> leadsTo)
    {
        if (after == Operation<TInput, TOutput>.Never)
        {
            return null;
        }

        var low = 0;
        var high = replacements.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = replacements[middle].InvokedAt > after ? (low, middle) : (middle + 1, high);
        }

        // Fast answer when even the earliest completion is too late; otherwise look at each (values that lead to it do not count).
        for (var i = low; i < replacements.Length && earliestCompletion[i] < before; i++)
        {
            var w = replacements[i];
            if (w.CompletedAt < before && !leadsTo(Installed(model, w)))
            {
                return w;
            }
        }

        return null;
    }

    private sealed class NonNullComparer(IEqualityComparer<object?> values) : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => values.Equals(x, y);

        public int GetHashCode(object obj) => values.GetHashCode(obj);
    }
}
