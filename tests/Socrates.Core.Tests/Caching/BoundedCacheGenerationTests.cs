using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

[Trait("Category", "Unit")]
public sealed class BoundedCacheGenerationTests
{
    [Fact]
    public void TrySet_NoChangeSinceBeginRead_Installs()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var token = cache.BeginRead("k");

        Assert.True(cache.TrySet("k", "v", token));
        Assert.True(cache.TryGet("k", out _));
    }

    [Fact]
    public void TrySet_InvalidatedAfterBeginRead_IsRefused()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var token = cache.BeginRead("k");
        cache.Invalidate("k");

        Assert.False(cache.TrySet("k", "stale", token));
        Assert.False(cache.TryGet("k", out _));
        Assert.Equal(1, cache.GetStatistics().RejectedInstalls);
    }

    [Fact]
    public void TrySet_SetAfterBeginRead_DoesNotOverwriteNewerValue()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var token = cache.BeginRead("k");
        cache.Set("k", "new");

        Assert.False(cache.TrySet("k", "old", token));
        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("new", value);
    }

    [Fact]
    public void TrySet_OtherKeyInvalidated_StillInstalls()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var token = cache.BeginRead("k");
        cache.Invalidate("other");

        Assert.True(cache.TrySet("k", "v", token));
    }

    [Fact]
    public void TrySet_FlushOrVersionChangeAfterBeginRead_IsRefused()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var first = cache.BeginRead("k");
        cache.InvalidateAll();
        var second = cache.BeginRead("k");
        cache.SetVersion("2");

        Assert.False(cache.TrySet("k", "v", first));
        Assert.False(cache.TrySet("k", "v", second));
        Assert.True(cache.TrySet("k", "v", cache.BeginRead("k")));
    }

    [Fact]
    public void TrySet_InvalidatedBeforeBeginRead_Installs()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        cache.Invalidate("k");
        var token = cache.BeginRead("k");

        Assert.True(cache.TrySet("k", "v", token));
    }

    [Fact]
    public void TrySet_ChangeStampsPruned_RefusesOlderReadsOnly()
    {
        var cache = TestCaches.Create(TestCaches.Clock(), maxTrackedChanges: 2);
        var old = cache.BeginRead("k");
        cache.Invalidate("a");
        cache.Invalidate("b");
        cache.Invalidate("c"); // third tracked key: all stamps forgotten, older reads refused

        Assert.False(cache.TrySet("k", "v", old));
        Assert.True(cache.TrySet("k", "v", cache.BeginRead("k")));
    }

    [Fact]
    public void TrySet_TokenForAnotherKey_Throws()
    {
        var cache = TestCaches.Create(TestCaches.Clock());
        var token = cache.BeginRead("a");

        var error = Assert.Throws<ArgumentException>(() => cache.TrySet("b", "v", token));
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }
}
