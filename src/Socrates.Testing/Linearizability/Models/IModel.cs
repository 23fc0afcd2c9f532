using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A sequential specification, as plain pure code: what a single copy of the object would
/// answer. The checker asks whether a history's operations can be ordered, consistently with
/// real time, so that each is legal in this specification.
/// </summary>
/// <typeparam name="TState">Immutable state with value equality (records); the checker memoises on it.</typeparam>
public interface IModel<TState, TInput, TOutput>
    where TState : notnull
{
    /// <summary>The state before any operation.</summary>
    TState InitialState { get; }

    /// <summary>
    /// Applies a completed operation: legal when a single copy in <paramref name="state"/> would
    /// answer <paramref name="output"/> to <paramref name="input"/>; then the state after it.
    /// </summary>
    StepResult<TState> Apply(TState state, TInput input, TOutput output);

    /// <summary>
    /// The state after an indeterminate operation took effect in <paramref name="state"/> (its
    /// output unknown, so it is always legal). The checker also considers that it never did.
    /// </summary>
    TState ApplyIndeterminate(TState state, TInput input);

    /// <summary>
    /// The partition (e.g. the key) an operation belongs to, when operations on different
    /// partitions are independent (P-compositionality: a history is linearizable when each
    /// partition's sub-history is). Null: everything in one partition.
    /// </summary>
    string? PartitionKey(TInput input) => null;

    /// <summary>
    /// True when the operation never changes the state (a read). An indeterminate read-only
    /// operation constrains nothing, so the checker drops it.
    /// </summary>
    bool IsReadOnly(TInput input) => false;

    /// <summary>A short description such as <c>read -> 1</c>, <c>write 2</c> or <c>cas 1->2 ?</c>.</summary>
    string Describe(Operation<TInput, TOutput> operation);

    /// <summary>A short description of a state for reports.</summary>
    string DescribeState(TState state) => state.ToString() ?? string.Empty;

    /// <summary>
    /// Roughly how many bytes <paramref name="state"/> holds beyond a small object, for the
    /// checker's memory budget (e.g. the characters of a string value). Zero when small.
    /// </summary>
    long EstimateSize(TState state) => 0;

    /// <summary>The state equality the memo cache uses.</summary>
    IEqualityComparer<TState> StateComparer => EqualityComparer<TState>.Default;
}
