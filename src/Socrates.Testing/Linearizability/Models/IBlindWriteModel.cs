namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A <see cref="IReachableValueModel{TState, TInput, TOutput}"/> whose state-changing operations
/// are all always legal (their answers do not depend on the state): blind writes, which replace
/// the value whatever they find, and derived-value operations, which only grow it (appends).
/// With it the search places a write that no read can observe only where it matters (see
/// <c>UnreadWrites</c>). A compare-and-set model must not implement it.
/// </summary>
public interface IBlindWriteModel<TInput>
{
    /// <summary>True when <paramref name="input"/> replaces the value whatever it finds and is always legal.</summary>
    bool IsBlindWrite(TInput input);
}
