using Polly.CircuitBreaker;

namespace Socrates.Core.Resilience;

/// <summary>A snapshot of a <see cref="StorageCircuitBreaker"/>'s counters.</summary>
/// <param name="State">The circuit's state now.</param>
/// <param name="Calls">Calls made through the breaker.</param>
/// <param name="StorageCalls">Calls that reached the storage.</param>
/// <param name="StorageFailures">Storage calls that failed.</param>
/// <param name="RejectedFast">Calls refused at once because the circuit was open.</param>
/// <param name="Opened">Times the circuit opened.</param>
/// <param name="HalfOpened">Times a probe was let through.</param>
/// <param name="Closed">Times the circuit closed again after a successful probe.</param>
public sealed record CircuitBreakerStatistics(
    CircuitState State,
    long Calls,
    long StorageCalls,
    long StorageFailures,
    long RejectedFast,
    long Opened,
    long HalfOpened,
    long Closed);
