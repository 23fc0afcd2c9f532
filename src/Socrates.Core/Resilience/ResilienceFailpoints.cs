using Socrates.Core.Failpoints;

namespace Socrates.Core.Resilience;

/// <summary>Failpoints of the storage resilience layer.</summary>
[FailpointCatalog]
public static class ResilienceFailpoints
{
    /// <summary>
    /// Canary: storage failures are not counted by the circuit breaker, so it never opens; during an
    /// outage every caller waits for the failing storage (the degradation gate goes red).
    /// </summary>
    public const string BreakerKeepClosed = "resilience.breaker.keep-closed";

    /// <summary>Fault: every storage call made through a <see cref="StorageCircuitBreaker"/> fails (an outage).</summary>
    public const string StorageFail = "resilience.storage.fail";
}
