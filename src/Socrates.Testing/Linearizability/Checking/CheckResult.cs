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

    /// <summary>The first violation (by partition key), when not linearizable.</summary>
    public Violation<TInput, TOutput>? Violation =>
        Partitions.FirstOrDefault(p => p.Violation is not null)?.Violation;

    /// <summary>Describes an operation with the model's words (e.g. <c>read -> 1</c>).</summary>
    public string Describe(Operation<TInput, TOutput> operation) => _describe(operation);
}
