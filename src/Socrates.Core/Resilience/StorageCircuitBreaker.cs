using Polly;
using Polly.CircuitBreaker;
using Socrates.Core.Resilience.Faults;

namespace Socrates.Core.Resilience;

/// <summary>
/// Graceful degradation around a storage dependency, on Polly's circuit breaker: when the share of
/// failed storage calls in the sampling window reaches the failure ratio, the circuit opens and
/// calls are refused at once with <see cref="StorageUnavailableException"/> instead of queueing on a
/// storage that is down. After the break duration one probe goes through (half-open); its success
/// closes the circuit, its failure opens it again.
/// </summary>
/// <remarks>
/// Every storage call routed here honours the <c>resilience.storage.fail</c> failpoint (an outage
/// for tests and canary runs). Cancellation is not a storage failure.
/// </remarks>
public sealed class StorageCircuitBreaker
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly Func<Exception, bool> _isStorageFailure;
    private readonly Func<Exception, bool> _tripsBreaker; // _isStorageFailure under its canary

    private long _calls;
    private long _storageCalls;
    private long _storageFailures;
    private long _rejectedFast;
    private long _opened;
    private long _halfOpened;
    private long _closed;

    /// <summary>Creates the breaker; throws <see cref="ResilienceOptionsException"/> on invalid options.</summary>
    public StorageCircuitBreaker(StorageCircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _isStorageFailure = options.IsStorageFailure;
        _tripsBreaker = BreakerFaults.Tripping(options.IsStorageFailure);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _state,
                ShouldHandle = args => ValueTask.FromResult(CountsAsFailure(args.Outcome.Exception)),
                OnOpened = _ =>
                {
                    Interlocked.Increment(ref _opened);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    Interlocked.Increment(ref _halfOpened);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Interlocked.Increment(ref _closed);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The circuit's state now (closed, open, half-open).</summary>
    public CircuitState State => _state.CircuitState;

    /// <summary>True unless the circuit is closed: the storage is, or was just, failing.</summary>
    public bool IsDegraded => _state.CircuitState != CircuitState.Closed;

    /// <summary>
    /// Runs <paramref name="operation"/> against the storage, or throws
    /// <see cref="StorageUnavailableException"/> at once when the circuit is open.
    /// Storage errors pass through unchanged (and are counted).
    /// </summary>
    public async ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Interlocked.Increment(ref _calls);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (state, ct) =>
                {
                    Interlocked.Increment(ref state.Self._storageCalls);
                    try
                    {
                        BreakerFaults.ThrowIfStorageDown();
                        return await state.Operation(ct).ConfigureAwait(false);
                    }
                    catch (Exception error) when (state.Self._isStorageFailure(error))
                    {
                        Interlocked.Increment(ref state.Self._storageFailures);
                        throw;
                    }
                },
                (Self: this, Operation: operation),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException open)
        {
            Interlocked.Increment(ref _rejectedFast);
            throw new StorageUnavailableException(open.RetryAfter, open);
        }
    }

    /// <summary>A snapshot of the counters.</summary>
    public CircuitBreakerStatistics GetStatistics() => new(
        State,
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _storageCalls),
        Interlocked.Read(ref _storageFailures),
        Interlocked.Read(ref _rejectedFast),
        Interlocked.Read(ref _opened),
        Interlocked.Read(ref _halfOpened),
        Interlocked.Read(ref _closed));

    private bool CountsAsFailure(Exception? error) =>
        error is not null
        && _tripsBreaker(error);
}
