using Socrates.Core.Failpoints;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// One partition of a check: the cheap necessary conditions, run when it is made (a read no
/// write explains, a read of an overwritten value), then the search when asked.
/// </summary>
internal sealed class PartitionCheck<TState, TInput, TOutput>
    where TState : notnull
{
    private readonly IModel<TState, TInput, TOutput> _model;
    private readonly Operation<TInput, TOutput>[] _operations;
    private readonly int _unwrittenRead = -1;
    private readonly StaleRead<TInput, TOutput>? _stale;

    public PartitionCheck(IModel<TState, TInput, TOutput> model, string? key, Operation<TInput, TOutput>[] operations)
    {
        _model = model;
        Key = key;
        _operations = operations;

        // Canary checker.accept-any-answer blinds these checks as it blinds the search.
        if (Failpoint.IsActive(TestKitFailpoints.CheckerAcceptAnyAnswer))
        {
            return;
        }

        _unwrittenRead = model is IWrittenValueModel<TInput, TOutput> values ? UnwrittenReads.Find(values, operations) : -1;
        _stale = _unwrittenRead < 0 && model is IReachableValueModel<TState, TInput, TOutput> reachable
            ? OverwrittenReads.Find(reachable, operations, model.IsReadOnly)
            : null;
        if (_stale is { Overwriter: null })
        {
            _unwrittenRead = Array.IndexOf(operations, _stale.Read);
            _stale = null;
        }
    }

    /// <summary>The partition key, null when the history is not partitioned.</summary>
    public string? Key { get; }

    /// <summary>A cheap check already proved the partition not linearizable.</summary>
    public bool Refuted => _unwrittenRead >= 0 || _stale is not null;

    public PartitionResult<TInput, TOutput> Run(CheckOptions options, SearchLimits limits, CancellationToken stop)
    {
        var searchLimits = limits with { Token = stop };
        var search = Refuted
            ? LinearizationSearch.Run(_model, _operations, searchLimits with { MaxSteps = LinearizabilityChecker.MinimumProbeSteps })
            : null;
        if (search is { Outcome: not CheckOutcome.NotLinearizable })
        {
            // Refuted already; a short search only buys the usual explanation when it is cheap.
            var refuted = _stale is null ? ExplainUnwrittenRead() : ExplainStaleRead(_stale);
            return new PartitionResult<TInput, TOutput>(Key, CheckOutcome.NotLinearizable, _operations.Length, search.Steps, refuted);
        }

        search ??= LinearizationSearch.Run(_model, _operations, searchLimits);
        var violation = search.Outcome == CheckOutcome.NotLinearizable
            ? LinearizabilityChecker.Explain(_model, Key, _operations, search, options.MinimizeViolation, limits).WithCause(_stale is null ? null : Cause(_stale))
            : null;
        return new PartitionResult<TInput, TOutput>(Key, search.Outcome, _operations.Length, search.Steps, violation, search.UnknownReason);
    }

    /// <summary>The answer when another partition, <paramref name="failed"/>, decided the history first.</summary>
    public PartitionResult<TInput, TOutput> NotSearched(string failed, long steps = 0) =>
        new(Key, CheckOutcome.Unknown, _operations.Length, steps, null, $"not searched to the end: partition \"{failed}\" is not linearizable, which decides the history");

    /// <summary>
    /// A read that no write explains is a violation on its own: the read alone, from the initial
    /// state, is already not linearizable, and no write invoked in time could change that.
    /// </summary>
    private Violation<TInput, TOutput> ExplainUnwrittenRead()
    {
        var op = _operations[_unwrittenRead];
        var initial = _model.DescribeState(_model.InitialState);
        return new Violation<TInput, TOutput>(
            Key,
            new History<TInput, TOutput>([op]),
            new HashSet<int>(),
            _operations.Length,
            isMinimal: true,
            initial,
            [],
            op,
            initial,
            $"{_model.Describe(op)} but no operation invoked before it completed writes that value, and it is not the initial value",
            $"Violation in partition {Name}, found by the cheap check that precedes the search: a read no write explains (checked over all {_operations.Length} operations).");
    }

    /// <summary>
    /// A stale read: the write it read from (or the initial value), then the write that
    /// overwrote it, which real time puts between that write and the read.
    /// </summary>
    private Violation<TInput, TOutput> ExplainStaleRead(StaleRead<TInput, TOutput> stale)
    {
        var (read, source, overwriter) = (stale.Read, stale.Source, stale.Overwriter!);
        var state = _model.InitialState;
        var steps = new List<LinearizationStep<TInput, TOutput>>();
        foreach (var op in source is null ? [overwriter] : new[] { source, overwriter })
        {
            state = _model.ApplyIndeterminate(state, op.Input);
            steps.Add(new LinearizationStep<TInput, TOutput>(op, _model.DescribeState(state)));
        }

        var involved = new[] { source, overwriter, read }.OfType<Operation<TInput, TOutput>>().OrderBy(o => o.InvokedAt);
        var summary = $"Violation in partition {Name}, found by the cheap check that precedes the search: a read of an overwritten value (checked over all {_operations.Length} operations).";
        var stateText = _model.DescribeState(state);
        return new Violation<TInput, TOutput>(
            Key,
            new History<TInput, TOutput>(involved),
            new HashSet<int>(),
            _operations.Length,
            isMinimal: true,
            _model.DescribeState(_model.InitialState),
            steps,
            read,
            stateText,
            $"{_model.Describe(read)} but the state is {stateText}",
            summary,
            Cause(stale));
    }

    // The read, what it read from and what overwrote that, by operation number and client.
    private string Cause(StaleRead<TInput, TOutput> stale)
    {
        var (read, source, overwriter) = (stale.Read, stale.Source, stale.Overwriter!);
        var from = source is null
            ? $"the initial value {_model.DescribeState(_model.InitialState)} (no write invoked before the read completed leads to what it saw)"
            : $"#{source.Id} {_model.Describe(source)} (client {source.Client}, t={source.InvokedAt}..{source.CompletedAt})";
        return $"a stale read: #{read.Id} {_model.Describe(read)} (client {read.Client}, t={read.InvokedAt}..{read.CompletedAt}) read from {from}, "
            + $"but #{overwriter.Id} {_model.Describe(overwriter)} (client {overwriter.Client}, t={overwriter.InvokedAt}..{overwriter.CompletedAt}) overwrote it"
            + (source is null ? string.Empty : " after that write completed")
            + " and completed before the read began";
    }

    private string Name => Key is null ? "(whole history)" : $"\"{Key}\"";
}
