namespace Socrates.Core.Resilience;

/// <summary>Options of a <see cref="StorageCircuitBreaker"/> (mapped onto Polly's circuit breaker).</summary>
public sealed class StorageCircuitBreakerOptions
{
    /// <summary>Failures over calls in the sampling window that open the circuit; (0, 1].</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the window before the ratio is judged; at least 2.</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The sliding window the ratio is computed over; at least 500 ms.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one probe is let through; at least 500 ms.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Which exceptions are storage failures; default: everything but cancellation.</summary>
    public Func<Exception, bool> IsStorageFailure { get; set; } = static e => e is not OperationCanceledException;

    /// <summary>The clock; inject a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws <see cref="ResilienceOptionsException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(FailureRatio > 0 && FailureRatio <= 1))
        {
            throw new ResilienceOptionsException(nameof(FailureRatio), FailureRatio, "must be greater than 0 and at most 1.");
        }

        if (MinimumThroughput < 2)
        {
            throw new ResilienceOptionsException(nameof(MinimumThroughput), MinimumThroughput, "must be at least 2.");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ResilienceOptionsException(nameof(SamplingDuration), SamplingDuration, "must be at least 500 ms.");
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ResilienceOptionsException(nameof(BreakDuration), BreakDuration, "must be at least 500 ms.");
        }

        if (IsStorageFailure is null)
        {
            throw new ResilienceOptionsException(nameof(IsStorageFailure), null, "is required.");
        }

        if (TimeProvider is null)
        {
            throw new ResilienceOptionsException(nameof(TimeProvider), null, "is required.");
        }
    }
}
