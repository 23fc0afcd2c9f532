using FsCheck.Fluent;
using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;
using Socrates.Testing.Properties;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// The cache against its model: hand-written scenarios plus generated histories (FsCheck). The
/// cache may miss where the model hits; it must never return what the model forbids, never let a
/// read install across a change, and never exceed its bounds.
/// </summary>
[Trait("Category", "Property")]
public sealed class CacheModelPropertyTests
{
    [Fact]
    public async Task Cache_AnyHistory_NeverServesStaleAndStaysBounded()
    {
        var total = new CacheModelCheck();
        var failure = await CheckAsync(nameof(Cache_AnyHistory_NeverServesStaleAndStaysBounded), total, maxTest: null);

        var evidence = MetricsWriter.WriteEvidence("properties", "cache-model.json", new
        {
            summary = total.ToEvidence(),
            scenarios = CacheScenarios.All.Select(s => s.Name),
            bounds = new { CacheModelRunner.MaxEntries, CacheModelRunner.MaxBytes, CacheModelRunner.TimeToLiveMs },
            counterExample = failure?.Message,
        });
        MetricsWriter.Write("properties", "cache.stale_reads", total.StaleReads, "count", evidence);
        MetricsWriter.Write("properties", "cache.size_bound_violations", total.SizeBoundViolations, "count", evidence);

        Assert.True(total.Histories > CacheScenarios.All.Count, "the generated histories did not run");
        Assert.True(total.Hits > 0, "no history produced a cache hit: the property checks nothing");
        Assert.Null(failure);
        Assert.Equal(0, total.StaleReads);
        Assert.Equal(0, total.SizeBoundViolations);
    }

    [Theory]
    [InlineData(CacheFailpoints.SkipInvalidationOnWrite)]
    [InlineData(CacheFailpoints.IgnoreTtl)]
    [InlineData(CacheFailpoints.InvalidationFailsNoCompensation)]
    public async Task Cache_StalenessCanary_IsCaught(string failpoint)
    {
        var total = new CacheModelCheck();
        PropertyFailedException? failure;
        using (Failpoint.Enable(failpoint))
        {
            failure = await CheckAsync("canary-" + failpoint, total, maxTest: 100);
        }

        Assert.NotNull(failure);
        Assert.True(total.StaleReads > 0, $"{failpoint} produced no stale read");
    }

    [Fact]
    public async Task Cache_LeakPastBoundCanary_IsCaught()
    {
        var total = new CacheModelCheck();
        PropertyFailedException? failure;
        using (Failpoint.Enable(CacheFailpoints.LeakPastBound))
        {
            failure = await CheckAsync("canary-leak", total, maxTest: 100);
        }

        Assert.NotNull(failure);
        Assert.True(total.SizeBoundViolations > 0);
    }

    [Theory]
    [InlineData(CacheFailpoints.InvalidationFailsOnce)]
    [InlineData(CacheFailpoints.InvalidationFailsAlways)]
    public async Task Cache_InvalidationFaultsWithCompensation_StayClean(string fault)
    {
        var total = new CacheModelCheck();
        PropertyFailedException? failure;
        using (Failpoint.Enable(fault))
        {
            failure = await CheckAsync("fault-" + fault, total, maxTest: 50);
        }

        Assert.Null(failure);
        Assert.Equal(0, total.StaleReads);
    }

    [Fact]
    public async Task Scenarios_CorrectCache_AreClean()
    {
        foreach (var (name, history) in CacheScenarios.All)
        {
            var check = await CacheModelRunner.RunAsync(history.Policy, history.Steps);
            Assert.True(check.Clean, $"{name}: {check.FirstViolation}");
        }
    }

    /// <summary>Runs the scenarios, then the property; everything seen is added to <paramref name="total"/>.</summary>
    private static async Task<PropertyFailedException?> CheckAsync(string name, CacheModelCheck total, int? maxTest)
    {
        foreach (var (_, history) in CacheScenarios.All)
        {
            total.Add(await CacheModelRunner.RunAsync(history.Policy, history.Steps));
        }

        var property = Prop.ForAll(CacheHistoryGenerators.Arbitrary, async history =>
        {
            var check = await CacheModelRunner.RunAsync(history.Policy, history.Steps);
            total.Add(check);
            if (!check.Clean)
            {
                throw new CacheModelViolationException(check.FirstViolation ?? "violation");
            }
        });

        try
        {
            PropertyRunner.Check(name, property, maxTest, endSize: 60);
            return null;
        }
        catch (PropertyFailedException failure)
        {
            return failure;
        }
    }
}
