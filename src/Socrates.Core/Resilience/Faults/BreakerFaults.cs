using Socrates.Core.Failpoints;

namespace Socrates.Core.Resilience.Faults;

/// <summary>
/// The canary and the fault of the storage circuit breaker: a decorator of the predicate that
/// decides whether a failure trips the breaker, and an outage of the storage behind it. Off (one
/// field read), the predicate answers as given and the storage is called.
/// </summary>
internal static class BreakerFaults
{
    /// <summary>
    /// <paramref name="isStorageFailure"/>, answering false under
    /// <see cref="ResilienceFailpoints.BreakerKeepClosed"/>: no failure is counted and the breaker never opens.
    /// </summary>
    public static Func<Exception, bool> Tripping(Func<Exception, bool> isStorageFailure) =>
        error => isStorageFailure(error) && !Failpoint.IsActive(ResilienceFailpoints.BreakerKeepClosed);

    /// <summary>Throws under <see cref="ResilienceFailpoints.StorageFail"/>: every storage call fails (an outage).</summary>
    public static void ThrowIfStorageDown() => Failpoint.ThrowIfActive(ResilienceFailpoints.StorageFail);
}
