namespace Socrates.Testing.Linearizability.Checking;

/// <summary>The verdict on one partition (e.g. one key) of a history.</summary>
/// <param name="UnknownReason">When the outcome is <see cref="CheckOutcome.Unknown"/>: the budget that ran out, in words.</param>
public sealed record PartitionResult<TInput, TOutput>(
    string? Key,
    CheckOutcome Outcome,
    int OperationCount,
    long SearchSteps,
    Violation<TInput, TOutput>? Violation,
    string? UnknownReason = null);
