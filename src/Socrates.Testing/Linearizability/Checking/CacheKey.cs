namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// A configuration already explored: the set of linearized operations and the model state after
/// them. Reaching it again by another order cannot succeed where the first visit failed (Lowe).
/// </summary>
internal readonly struct CacheKey<TState>(ulong[] linearized, ulong setHash, TState state)
{
    public ulong[] Linearized { get; } = linearized;

    public ulong SetHash { get; } = setHash;

    public TState State { get; } = state;
}
