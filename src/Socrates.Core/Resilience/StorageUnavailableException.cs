namespace Socrates.Core.Resilience;

/// <summary>
/// The storage is considered down (its circuit breaker is open): the call was refused at once,
/// without touching the storage. <see cref="RetryAfter"/> says when a probe will be let through,
/// when known.
/// </summary>
public sealed class StorageUnavailableException(TimeSpan? retryAfter, Exception? inner = null)
    : Exception(
        retryAfter is { } after
            ? $"Storage is unavailable: its circuit breaker is open after repeated failures; a probe is allowed in {after}."
            : "Storage is unavailable: its circuit breaker is open after repeated failures.",
        inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
