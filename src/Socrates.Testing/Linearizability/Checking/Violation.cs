using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// Why a partition is not linearizable: a short failing part of its history, the longest
/// partial linearization the search reached in it, and the operation it could not place.
/// </summary>
public sealed class Violation<TInput, TOutput>
{
    internal Violation(
        string? partitionKey,
        History<TInput, TOutput> operations,
        IReadOnlySet<int> contextOperationIds,
        int partitionOperationCount,
        bool isMinimal,
        string initialState,
        IReadOnlyList<LinearizationStep<TInput, TOutput>> partialLinearization,
        Operation<TInput, TOutput> blocked,
        string stateAtBlocked,
        string reason,
        string? summary = null,
        string? cause = null)
    {
        Summary = summary;
        Cause = cause;
        PartitionKey = partitionKey;
        Operations = operations;
        ContextOperationIds = contextOperationIds;
        PartitionOperationCount = partitionOperationCount;
        IsMinimal = isMinimal;
        InitialState = initialState;
        PartialLinearization = partialLinearization;
        Blocked = blocked;
        StateAtBlocked = stateAtBlocked;
        Reason = reason;
    }

    /// <summary>The partition (e.g. key) that failed; null when the model does not partition.</summary>
    public string? PartitionKey { get; }

    /// <summary>
    /// The failing part of the partition's history: its shortest prefix by invocation that is
    /// already not linearizable, plus the later operations that overlap it (see <see cref="ContextOperationIds"/>).
    /// Operations are as recorded.
    /// </summary>
    public History<TInput, TOutput> Operations { get; }

    /// <summary>
    /// Operations invoked after the prefix but before it ended, which the check treated as
    /// indeterminate (they may have taken effect, their answers were not judged).
    /// </summary>
    public IReadOnlySet<int> ContextOperationIds { get; }

    /// <summary>How many operations the whole partition has (failed ones excluded).</summary>
    public int PartitionOperationCount { get; }

    /// <summary>True when the prefix is the shortest failing one; false when the budget ran out while shrinking.</summary>
    public bool IsMinimal { get; }

    /// <summary>The model's initial state, described.</summary>
    public string InitialState { get; }

    /// <summary>The longest order of operations the search could justify before getting stuck.</summary>
    public IReadOnlyList<LinearizationStep<TInput, TOutput>> PartialLinearization { get; }

    /// <summary>The operation that had to be placed next (its completion had passed) and could not be.</summary>
    public Operation<TInput, TOutput> Blocked { get; }

    /// <summary>The state after <see cref="PartialLinearization"/>, in which <see cref="Blocked"/> could not be placed.</summary>
    public string StateAtBlocked { get; }

    /// <summary>
    /// How the violation was found when it was not by searching a prefix (e.g. a read of a value
    /// nothing wrote, refuted before any search); null for a searched prefix.
    /// </summary>
    public string? Summary { get; }

    /// <summary>Why, in words: e.g. <c>read -> 1 but the state is 2</c>.</summary>
    public string Reason { get; }

    /// <summary>
    /// The cause in terms of the history's own operations, when one is known: for a stale read,
    /// the read, the write it read from and the write that overwrote it first.
    /// </summary>
    public string? Cause { get; }

    internal Violation<TInput, TOutput> WithCause(string? cause) =>
        new(PartitionKey, Operations, ContextOperationIds, PartitionOperationCount, IsMinimal, InitialState, PartialLinearization, Blocked, StateAtBlocked, Reason, Summary, cause);
}
