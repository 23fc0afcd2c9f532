using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The soak (<see cref="SoakRun"/>) for the profile's duration. Writes
/// <c>stress.heap_slope_bytes_per_op</c> (the Theil-Sen slope of the live heap over operations,
/// or inconclusive when no phase could tell within the budget) and <c>stress.cache_bound_held</c>
/// (1 when the cache never held more than its bound after any operation), then asserts them.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class SoakTests
{
    /// <summary>The gate's fail line: a leak of one cached value per operation is ~2,000 bytes/op.</summary>
    private const double SlopeThreshold = 256;

    private const string SlopeMetric = "stress.heap_slope_bytes_per_op";

    [Fact]
    public async Task MixedWorkload_SoakDuration_HeapFlatCacheBounded()
    {
        var result = await SoakRun.RunAsync(TestProfile.Current.SoakDuration, SlopeThreshold);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-soak.json", result);
        MetricsWriter.Write("stress", "stress.cache_bound_held", result.CacheBoundHeld ? 1 : 0, "bool", evidence);
        var verdict = result.Verdict;
        if (verdict.Decided)
        {
            MetricsWriter.Write("stress", SlopeMetric, Math.Round(verdict.Slope, 2), "bytes/op", evidence);
        }
        else
        {
            MetricsWriter.WriteInconclusive("stress", SlopeMetric, Math.Round(verdict.Slope, 2), "bytes/op", verdict.Reason, evidence);
        }

        Assert.True(result.CacheBoundHeld, $"cache held {result.MaxCacheCount} entries, bound {SoakRun.MaxEntries}");
        if (verdict.Decided)
        {
            Assert.True(verdict.Outcome == HeapSlopeOutcome.Flat, $"heap grows {verdict.Slope} bytes per operation: {verdict.Reason}; evidence {evidence}");
        }
    }

    [Fact]
    public async Task MixedWorkload_LeakPastBoundCanary_BoundBrokenSlopeUp()
    {
        SoakResult result;
        using (Failpoint.Enable(CacheFailpoints.LeakPastBound))
        {
            result = await SoakRun.RunAsync(TimeSpan.Zero, SlopeThreshold);
        }

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-soak-canary.json", result);
        Assert.False(result.CacheBoundHeld);
        Assert.True(result.Verdict.Outcome == HeapSlopeOutcome.Leaking, $"a cache that never evicts, yet the heap verdict is {result.Verdict.Outcome} ({result.Verdict.Reason}); evidence {evidence}");
        Assert.True(result.Verdict.Slope >= SlopeThreshold, $"slope only {result.Verdict.Slope} bytes/op");
    }
}
