using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Core.Resilience;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Resilience;

[Trait("Category", "Unit")]
public sealed class DegradableReaderTests
{
    private static readonly TimeSpan s_break = TimeSpan.FromSeconds(15);

    /// <summary>Simulated cost of one call to a storage that is down (its timeout).</summary>
    private static readonly TimeSpan s_storageTimeout = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentDictionary<int, string> _storage = new();
    private int _storageCalls;

    [Fact]
    public async Task ReadAsync_Healthy_ServesFreshNotDegraded()
    {
        var (reader, _) = Create();
        _storage[1] = "one";

        var first = await reader.ReadAsync(1, CancellationToken.None);
        var second = await reader.ReadAsync(1, CancellationToken.None);

        Assert.Equal(new CachedResult<string>("one", false), first);
        Assert.Equal(new CachedResult<string>("one", false), second);
        Assert.Equal(1, _storageCalls);
        Assert.Null(await reader.ReadAsync(404, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_CircuitOpen_CachedValueMarkedDegradedAndMissFailsFast()
    {
        var (reader, breaker) = Create();
        _storage[1] = "one";
        await reader.ReadAsync(1, CancellationToken.None);

        await OpenCircuitAsync(reader, breaker);
        var callsWhenOpen = _storageCalls;

        var cached = await reader.ReadAsync(1, CancellationToken.None);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => reader.ReadAsync(2, CancellationToken.None));

        Assert.Equal(new CachedResult<string>("one", true), cached);
        Assert.Equal(callsWhenOpen, _storageCalls);
        Assert.Equal(1, reader.DegradedServes);
    }

    [Fact]
    public async Task ReadAsync_AfterCoolDown_RecoversAndStopsMarking()
    {
        var (reader, breaker) = Create();
        _storage[1] = "one";
        _storage[2] = "two";
        await reader.ReadAsync(1, CancellationToken.None);
        await OpenCircuitAsync(reader, breaker);

        _time.Advance(s_break);
        var probe = await reader.ReadAsync(2, CancellationToken.None);

        Assert.Equal(new CachedResult<string>("two", false), probe);
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(new CachedResult<string>("one", false), await reader.ReadAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Outage_BreakerOn_MostUncachedReadsFailFast()
    {
        var outcome = await RunOutageAsync();

        var evidence = MetricsWriter.WriteEvidence("unit", "resilience-outage.json", outcome);
        MetricsWriter.Write("unit", "resilience.outage_fast_fail_ratio", outcome.FastFailRatio, "ratio", evidence);

        Assert.True(outcome.FastFailRatio >= 0.9, $"only {outcome.FastFailRatio:P1} of uncached reads failed fast during the outage");
        Assert.True(outcome.DegradedServes > 0, "cached values were not served during the outage");
        Assert.True(outcome.RecoveredAfterCoolDown, "the circuit did not close after the cool-down");
    }

    [Fact]
    public async Task Outage_KeepClosedCanary_CallersWaitOnStorage()
    {
        OutageOutcome outcome;
        using (Failpoint.Enable(ResilienceFailpoints.BreakerKeepClosed))
        {
            outcome = await RunOutageAsync();
        }

        Assert.Equal(0, outcome.FastFailRatio);
        Assert.True(outcome.SimulatedWaitSeconds > outcome.UncachedReads, "every uncached read should have waited on the storage timeout");
    }

    /// <summary>
    /// 400 reads of 100 keys, half of them cached (warmed up more than one sampling window before),
    /// while the storage is down; every read that reaches
    /// the storage costs the caller its timeout (counted, not slept). Then the storage comes back
    /// and the cool-down passes: one read must close the circuit.
    /// </summary>
    private async Task<OutageOutcome> RunOutageAsync()
    {
        var (reader, breaker) = Create();
        for (var key = 0; key < 100; key++)
        {
            _storage[key] = "value-" + key;
        }

        for (var key = 0; key < 50; key++)
        {
            await reader.ReadAsync(key, CancellationToken.None);
        }

        // The warm-up happened a while ago: its successes have left the breaker's sampling window.
        _time.Advance(TimeSpan.FromSeconds(31));
        var random = new Random(31);
        var uncached = 0;
        var fastFails = 0;
        var storageCallsBefore = breaker.GetStatistics().StorageCalls;
        using (Failpoint.Enable(ResilienceFailpoints.StorageFail))
        {
            for (var i = 0; i < 400; i++)
            {
                var key = random.Next(100);
                _time.Advance(TimeSpan.FromMilliseconds(10));
                try
                {
                    await reader.ReadAsync(key, CancellationToken.None);
                }
                catch (StorageUnavailableException)
                {
                    uncached++;
                    fastFails++;
                }
                catch (FailpointException)
                {
                    uncached++; // reached the storage and waited for it to fail
                }
            }
        }

        var storageCallsDuringOutage = breaker.GetStatistics().StorageCalls - storageCallsBefore;
        _time.Advance(s_break);
        await reader.ReadAsync(99, CancellationToken.None);
        return new OutageOutcome(
            uncached,
            fastFails,
            uncached == 0 ? 0 : (double)fastFails / uncached,
            storageCallsDuringOutage,
            storageCallsDuringOutage * s_storageTimeout.TotalSeconds,
            reader.DegradedServes,
            breaker.State == CircuitState.Closed,
            breaker.GetStatistics());
    }

    private (DegradableReader<int, string> Reader, StorageCircuitBreaker Breaker) Create()
    {
        var cache = new BoundedCache<int, string>(new BoundedCacheOptions<int, string>
        {
            MaxEntries = 1_000,
            TimeToLive = TimeSpan.FromHours(1),
            TimeProvider = _time,
        });
        var breaker = new StorageCircuitBreaker(new StorageCircuitBreakerOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = s_break,
            TimeProvider = _time,
        });
        var reader = new DegradableReader<int, string>(cache, breaker, (key, _) =>
        {
            Interlocked.Increment(ref _storageCalls);
            return Task.FromResult(_storage.TryGetValue(key, out var value) ? value : null);
        });
        return (reader, breaker);
    }

    private static async Task OpenCircuitAsync(DegradableReader<int, string> reader, StorageCircuitBreaker breaker)
    {
        using (Failpoint.Enable(ResilienceFailpoints.StorageFail))
        {
            for (var key = 1_000; breaker.State == CircuitState.Closed && key < 1_100; key++)
            {
                await Assert.ThrowsAsync<FailpointException>(() => reader.ReadAsync(key, CancellationToken.None));
            }
        }

        Assert.Equal(CircuitState.Open, breaker.State);
    }

    private sealed record OutageOutcome(
        int UncachedReads,
        int FastFails,
        double FastFailRatio,
        long StorageCallsDuringOutage,
        double SimulatedWaitSeconds,
        long DegradedServes,
        bool RecoveredAfterCoolDown,
        CircuitBreakerStatistics Breaker);
}
