using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// A read of an overwritten value: <paramref name="Source"/> wrote what it saw (null: the
/// initial value), and <paramref name="Overwriter"/> replaced it by a value that cannot lead to
/// it, invoked after the source completed and completed before the read began. Without either,
/// nothing could give the read its value at all.
/// </summary>
internal sealed record StaleRead<TInput, TOutput>(Operation<TInput, TOutput> Read, Operation<TInput, TOutput>? Source, Operation<TInput, TOutput>? Overwriter);
