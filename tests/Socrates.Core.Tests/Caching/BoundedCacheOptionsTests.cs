using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheOptionsTests
{
    public static TheoryData<string, Action<BoundedCacheOptions<string, string>>> InvalidOptions => new()
    {
        { "MaxEntries", o => o.MaxEntries = 0 },
        { "MaxBytes", o => { o.MaxBytes = 0; o.SizeOf = (_, v) => v.Length; } },
        { "SizeOf", o => o.MaxBytes = 100 },
        { "TimeToLive", o => o.TimeToLive = TimeSpan.Zero },
        { "TimeToLive", o => o.TimeToLive = TimeSpan.FromSeconds(-1) },
        { "EvictionPolicy", o => o.EvictionPolicy = (EvictionPolicy)42 },
        { "Version", o => o.Version = " " },
        { "MaxTrackedChanges", o => o.MaxTrackedChanges = 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsNamingOption(string option, Action<BoundedCacheOptions<string, string>> spoil)
    {
        var options = new BoundedCacheOptions<string, string>();
        spoil(options);

        var error = Assert.Throws<CacheOptionsException>(() => new BoundedCache<string, string>(options));

        Assert.Equal(option, error.Option);
        Assert.Contains($"'{option}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InfiniteTimeToLive_IsAccepted()
    {
        var cache = new BoundedCache<string, string>(new BoundedCacheOptions<string, string> { TimeToLive = Timeout.InfiniteTimeSpan });
        Assert.True(cache.Set("k", "v"));
    }

    [Fact]
    public void Constructor_Defaults_AreValid()
    {
        var options = new BoundedCacheOptions<string, string>();
        options.Validate();
        Assert.Equal(EvictionPolicy.Sieve, options.EvictionPolicy);
    }
}
