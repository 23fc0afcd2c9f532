using Socrates.Core.Failpoints;
using Socrates.Core.V2.Pooling;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// The canaries of the connection pool, as the two answers the pool asks for on a lease: whether
/// the lease takes a slot, and what a full pool answers. Off (one field read), the pool is bounded
/// and a full pool answers null, which the database turns into its typed overload error.
/// </summary>
internal static class PoolFaults
{
    /// <summary>False under <see cref="V2Failpoints.PoolUnbounded"/>: the lease takes no slot and every caller gets a connection.</summary>
    public static bool Bounded => !Failpoint.IsActive(V2Failpoints.PoolUnbounded);

    /// <summary>
    /// Null (no connection), or under <see cref="V2Failpoints.PoolUntypedExhaustion"/> an untyped
    /// <see cref="InvalidOperationException"/> that callers cannot tell from a bug.
    /// </summary>
    public static PooledConnection? Exhausted(int size, TimeSpan wait) =>
        Failpoint.IsActive(V2Failpoints.PoolUntypedExhaustion)
            ? throw new InvalidOperationException($"Connection pool exhausted: all {size} connections stayed busy for {wait.TotalMilliseconds} ms.")
            : null;
}
