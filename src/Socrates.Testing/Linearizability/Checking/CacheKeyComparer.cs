namespace Socrates.Testing.Linearizability.Checking;

/// <summary>Equality of <see cref="CacheKey{TState}"/>: set hash first, then state, then the bits.</summary>
internal sealed class CacheKeyComparer<TState>(IEqualityComparer<TState> states) : IEqualityComparer<CacheKey<TState>>
{
    public bool Equals(CacheKey<TState> x, CacheKey<TState> y) =>
        x.SetHash == y.SetHash
        && states.Equals(x.State, y.State)
        && x.Linearized.AsSpan().SequenceEqual(y.Linearized);

    public int GetHashCode(CacheKey<TState> obj) =>
        unchecked((int)(obj.SetHash ^ (obj.SetHash >> 32)) * 31 + states.GetHashCode(obj.State!));
}
