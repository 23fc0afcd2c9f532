namespace Socrates.Testing.Linearizability.Checking;

/// <summary>The verdict on one partition (e.g. one key) of a history.</summary>
public sealed record PartitionResult<TInput, TOutput>(
    string? Key,
    CheckOutcome Outcome,
    int OperationCount,
    long SearchSteps,
    Violation<TInput, TOutput>? Violation);
