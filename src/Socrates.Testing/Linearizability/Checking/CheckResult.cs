using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The verdict on a history: not linearizable when any partition is not; otherwise unknown
/// when any partition ran out of time; otherwise linearizable.
/// </summary>
public sealed class CheckResult<TInput, TOutput>
{
    private readonly Func<Operation<TInput, TOutput>, string> _describe;

    internal CheckResult(
        CheckOutcome outcome,
        IReadOnlyList<PartitionResult<TInput, TOutput>> partitions,
        int failedOperationsIgnored,
        TimeSpan elapsed,
        Func<Operation<TInput, TOutput>, string> describe)
    {
        Outcome = outcome;
        Partitions = partitions;
        FailedOperationsIgnored = failedOperationsIgnored;
        Elapsed = elapsed;
        _describe = describe;
    }

    public CheckOutcome Outcome { get; }

    /// <summary>Per-partition verdicts, ordered by key (ordinal).</summary>
    public IReadOnlyList<PartitionResult<TInput, TOutput>> Partitions { get; }

    /// <summary>Operations that definitely did not happen and were removed before checking.</summary>
    public int FailedOperationsIgnored { get; }

    /// <summary>Wall time the check took (for reports, not for logic).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Operations the checker judged (failed ones and indeterminate reads excluded). Zero means
    /// nothing was checked: the outcome is then <see cref="CheckOutcome.Linearizable"/> vacuously,
    /// which is no evidence; callers should treat it as missing evidence (the CLI does).
    /// </summary>
    public int OperationsChecked => Partitions.Sum(p => p.OperationCount);

    /// <summary>True when there was nothing to check (see <see cref="OperationsChecked"/>).</summary>
    public bool NothingChecked => OperationsChecked == 0;

    /// <summary>When the outcome is <see cref="CheckOutcome.Unknown"/>: the budget that ran out, in words.</summary>
    public string? UnknownReason =>
        Outcome == CheckOutcome.Unknown ? Partitions.FirstOrDefault(p => p.Outcome == CheckOutcome.Unknown)?.UnknownReason : null;

    /// <summary>The first violation (by partition key), when not linearizable.</summary>
    public Violation<TInput, TOutput>? Violation =>
        Partitions.FirstOrDefault(p => p.Violation is not null)?.Violation;

    /// <summary>Describes an operation with the model's words (e.g. <c>read -> 1</c>).</summary>
    public string Describe(Operation<TInput, TOutput> operation) => _describe(operation);
}
