using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Socrates.Core.Failpoints;
using Socrates.Core.Resilience;

namespace Socrates.Core.Tests.Resilience;

[Trait("Category", "Unit")]
public sealed class StorageCircuitBreakerTests
{
    private static readonly TimeSpan s_break = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private int _storageCalls;

    public static TheoryData<string, Action<StorageCircuitBreakerOptions>> InvalidOptions => new()
    {
        { "FailureRatio", o => o.FailureRatio = 0 },
        { "FailureRatio", o => o.FailureRatio = 1.5 },
        { "FailureRatio", o => o.FailureRatio = double.NaN },
        { "MinimumThroughput", o => o.MinimumThroughput = 1 },
        { "SamplingDuration", o => o.SamplingDuration = TimeSpan.FromMilliseconds(100) },
        { "BreakDuration", o => o.BreakDuration = TimeSpan.Zero },
        { "IsStorageFailure", o => o.IsStorageFailure = null! },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsNamingOption(string option, Action<StorageCircuitBreakerOptions> spoil)
    {
        var options = new StorageCircuitBreakerOptions();
        spoil(options);

        var error = Assert.Throws<ResilienceOptionsException>(() => new StorageCircuitBreaker(options));
        Assert.Equal(option, error.Option);
        Assert.Contains($"'{option}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Healthy_StaysClosed()
    {
        var breaker = Create();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, await breaker.ExecuteAsync(StorageAsync, CancellationToken.None));
        }

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.False(breaker.IsDegraded);
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedFailures_OpensAndFailsFastWithoutStorage()
    {
        var breaker = Create();
        await FailUntilOpenAsync(breaker);
        var callsWhenOpened = _storageCalls;

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => breaker.ExecuteAsync(StorageAsync, CancellationToken.None).AsTask());

        Assert.Equal(callsWhenOpened, _storageCalls);
        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        Assert.IsType<BrokenCircuitException>(error.InnerException);
        var stats = breaker.GetStatistics();
        Assert.Equal(1, stats.Opened);
        Assert.Equal(1, stats.RejectedFast);
        Assert.Equal(4, stats.StorageFailures);
    }

    [Fact]
    public async Task ExecuteAsync_AfterBreakDurationProbeSucceeds_Closes()
    {
        var breaker = Create();
        await FailUntilOpenAsync(breaker);

        _time.Advance(s_break - TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => breaker.ExecuteAsync(StorageAsync, CancellationToken.None).AsTask());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await breaker.ExecuteAsync(StorageAsync, CancellationToken.None)); // the probe

        Assert.Equal(CircuitState.Closed, breaker.State);
        var stats = breaker.GetStatistics();
        Assert.Equal(1, stats.HalfOpened);
        Assert.Equal(1, stats.Closed);
    }

    [Fact]
    public async Task ExecuteAsync_ProbeFails_OpensAgain()
    {
        var breaker = Create();
        await FailUntilOpenAsync(breaker);
        _time.Advance(s_break);

        using (Failpoint.Enable(ResilienceFailpoints.StorageFail))
        {
            await Assert.ThrowsAsync<FailpointException>(() => breaker.ExecuteAsync(StorageAsync, CancellationToken.None).AsTask());
        }

        Assert.Equal(CircuitState.Open, breaker.State);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => breaker.ExecuteAsync(StorageAsync, CancellationToken.None).AsTask());
        Assert.Equal(2, breaker.GetStatistics().Opened);
    }

    [Fact]
    public async Task ExecuteAsync_Cancellation_IsNotAStorageFailure()
    {
        var breaker = Create();
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => breaker.ExecuteAsync<int>(
                _ => throw new OperationCanceledException(),
                CancellationToken.None).AsTask());
        }

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(0, breaker.GetStatistics().StorageFailures);
    }

    [Fact]
    public async Task ExecuteAsync_KeepClosedCanary_NeverOpens()
    {
        var breaker = Create();
        using (Failpoint.Enable(ResilienceFailpoints.BreakerKeepClosed))
        using (Failpoint.Enable(ResilienceFailpoints.StorageFail))
        {
            for (var i = 0; i < 50; i++)
            {
                await Assert.ThrowsAsync<FailpointException>(() => breaker.ExecuteAsync(StorageAsync, CancellationToken.None).AsTask());
            }
        }

        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(50, breaker.GetStatistics().StorageFailures);
        Assert.Equal(0, breaker.GetStatistics().RejectedFast);
    }

    private StorageCircuitBreaker Create() => new(new StorageCircuitBreakerOptions
    {
        FailureRatio = 0.5,
        MinimumThroughput = 4,
        SamplingDuration = TimeSpan.FromSeconds(10),
        BreakDuration = s_break,
        TimeProvider = _time,
    });

    private ValueTask<int> StorageAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _storageCalls);
        return ValueTask.FromResult(1);
    }

    private static async Task FailUntilOpenAsync(StorageCircuitBreaker breaker)
    {
        using (Failpoint.Enable(ResilienceFailpoints.StorageFail))
        {
            for (var i = 0; i < 4; i++)
            {
                await Assert.ThrowsAsync<FailpointException>(() => breaker.ExecuteAsync(_ => ValueTask.FromResult(1), CancellationToken.None).AsTask());
            }
        }

        Assert.Equal(CircuitState.Open, breaker.State);
    }
}
