using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>One operation of a (partial) linearization and the model state after it.</summary>
public sealed record LinearizationStep<TInput, TOutput>(Operation<TInput, TOutput> Operation, string StateAfter);
