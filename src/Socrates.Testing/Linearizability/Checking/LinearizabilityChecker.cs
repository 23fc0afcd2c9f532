using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// Decides whether a history is linearizable against a model. Failed operations are removed;
/// the rest are split by the model's partition key and each partition is searched on its own
/// (see <see cref="LinearizationSearch"/>). A time budget that runs out answers
/// <see cref="CheckOutcome.Unknown"/>.
/// </summary>
public static class LinearizabilityChecker
{
    internal const long MinimumProbeSteps = 50_000;
    private const long ProbeStepFactor = 4;

    /// <summary>Checks <paramref name="history"/> against <paramref name="model"/>.</summary>
    public static CheckResult<TInput, TOutput> Check<TState, TInput, TOutput>(
        IModel<TState, TInput, TOutput> model,
        History<TInput, TOutput> history,
        CheckOptions? options = null,
        CancellationToken cancellationToken = default)
        where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        options ??= CheckOptions.Default;
        options.Validate();

        var started = Stopwatch.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = options.Timeout is { } timeout
            ? new CancellationTokenSource(timeout, options.TimeProvider)
            : null;
        using var registration = timer?.Token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), budget);
        var token = budget.Token;

        var failed = history.Count(o => o.Status == OperationStatus.Failed);
        // Failed operations did not happen; indeterminate read-only ones change nothing either way.
        var partitions = history
            .Where(o => o.Status != OperationStatus.Failed)
            .Where(o => o.Status != OperationStatus.Indeterminate || !model.IsReadOnly(o.Input))
            .GroupBy(o => model.PartitionKey(o.Input) ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var partitioned = history.Any(o => model.PartitionKey(o.Input) is not null);

        // Partitions are independent: searched in parallel, the memory budget shared between the
        // searches running at once, so the whole check stays within it. One partition not
        // linearizable decides the history: the cheap checks of every partition come first, and
        // the first failure stops the searches still running.
        var degree = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, partitions.Count));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var limits = new SearchLimits(token, Memory: new MemoryBudget(options.MaxMemoryBytes));
        var checks = partitions.Select(p => new PartitionCheck<TState, TInput, TOutput>(model, partitioned ? p.Key : null, [.. p])).ToList();
        var refuted = checks.FindIndex(c => c.Refuted);
        var results = new PartitionResult<TInput, TOutput>[partitions.Count];
        string? failedFirst = refuted >= 0 ? checks[refuted].Key ?? string.Empty : null;
        PartitionResult<TInput, TOutput> Run(int i)
        {
            if (failedFirst is { } failed && i != refuted)
            {
                return checks[i].NotSearched(failed);
            }

            var result = checks[i].Run(options, limits, stop.Token);
            if (result.Outcome == CheckOutcome.Unknown && !token.IsCancellationRequested && failedFirst is { } other)
            {
                return checks[i].NotSearched(other, result.SearchSteps);
            }

            if (result.Outcome == CheckOutcome.NotLinearizable && Interlocked.CompareExchange(ref failedFirst, result.Key ?? string.Empty, null) is null)
            {
                stop.Cancel();
            }

            return result;
        }

        if (degree == 1 || refuted >= 0)
        {
            for (var i = 0; i < partitions.Count; i++)
            {
                results[i] = Run(i);
            }
        }
        else
        {
            try
            {
                Parallel.For(0, partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = degree }, i => results[i] = Run(i));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // The same exception a sequential check would throw (e.g. the model refusing an input).
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }

        var outcome = results.Any(r => r.Outcome == CheckOutcome.NotLinearizable) ? CheckOutcome.NotLinearizable
            : results.Any(r => r.Outcome == CheckOutcome.Unknown) ? CheckOutcome.Unknown
            : CheckOutcome.Linearizable;
        return new CheckResult<TInput, TOutput>(outcome, results, failed, Stopwatch.GetElapsedTime(started), model.Describe);
    }

    /// <summary>
    /// Shrinks a failing partition to its shortest failing prefix and turns the search's longest
    /// partial linearization into words.
    /// </summary>
    internal static Violation<TInput, TOutput> Explain<TState, TInput, TOutput>(
        IModel<TState, TInput, TOutput> model,
        string? key,
        Operation<TInput, TOutput>[] operations,
        SearchResult failure,
        bool minimize,
        SearchLimits limits)
        where TState : notnull
    {
        // operations are in invocation order (History sorts them so).
        Func<TInput, bool> isReadOnly = model.IsReadOnly;
        var best = (Prefix: PrefixHistory.Of(operations, operations.Length, isReadOnly), Search: failure);

        // A shorter prefix turns the operations overlapping its end indeterminate, which can make
        // proving it non-linearizable exponentially dearer; shrinking stops rather than pay that.
        var probeSteps = Math.Max(MinimumProbeSteps, failure.Steps * ProbeStepFactor);
        var minimal = true;
        if (minimize)
        {
            // P(k) not linearizable implies P(k+1) not linearizable (see PrefixHistory), so binary search.
            var low = 1;
            var high = operations.Length;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                var prefix = PrefixHistory.Of(operations, middle, isReadOnly);
                var search = LinearizationSearch.Run(model, prefix.Operations, limits with { MaxSteps = probeSteps });
                if (search.Outcome == CheckOutcome.Unknown)
                {
                    // Out of time or over the step allowance: keep the shortest failing prefix found so far.
                    minimal = false;
                    break;
                }

                if (search.Outcome == CheckOutcome.NotLinearizable)
                {
                    high = middle;
                    best = (prefix, search);
                }
                else
                {
                    low = middle + 1;
                }
            }
        }
        else
        {
            minimal = false;
        }

        var (chosen, result) = best;
        var original = operations.ToDictionary(o => o.Id);
        var state = model.InitialState;
        var steps = new List<LinearizationStep<TInput, TOutput>>(result.LongestLinearization.Count);
        foreach (var index in result.LongestLinearization)
        {
            var op = chosen.Operations[index];
            state = op.Status == OperationStatus.Ok
                ? model.Apply(state, op.Input, op.Output!).NextState!
                : model.ApplyIndeterminate(state, op.Input);
            steps.Add(new LinearizationStep<TInput, TOutput>(original[op.Id], model.DescribeState(state)));
        }

        var blocked = chosen.Operations[result.BlockedOperation];
        var described = model.Describe(blocked);
        var stateText = model.DescribeState(state);
        var reason = model.Apply(state, blocked.Input, blocked.Output!).IsLegal
            ? $"{described} fits the state {stateText} here, but every order that places it leads to a dead end"
            : $"{described} but the state is {stateText}";

        return new Violation<TInput, TOutput>(
            key,
            new History<TInput, TOutput>(chosen.Operations.Select(o => original[o.Id])),
            chosen.ContextIds,
            operations.Length,
            minimal,
            model.DescribeState(model.InitialState),
            steps,
            original[blocked.Id],
            stateText,
            reason);
    }
}
