using Microsoft.Extensions.Time.Testing;
using Socrates.Core.Caching;

namespace Socrates.Core.Tests.Caching;

/// <summary>Caches on a fake clock for the unit tests.</summary>
internal static class TestCaches
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    public static BoundedCache<string, string> Create(
        FakeTimeProvider time,
        int maxEntries = 100,
        EvictionPolicy policy = EvictionPolicy.Sieve,
        long? maxBytes = null,
        int maxTrackedChanges = 4096) =>
        new(new BoundedCacheOptions<string, string>
        {
            MaxEntries = maxEntries,
            MaxBytes = maxBytes,
            SizeOf = maxBytes is null ? null : (_, v) => v.Length,
            TimeToLive = Ttl,
            EvictionPolicy = policy,
            MaxTrackedChanges = maxTrackedChanges,
            TimeProvider = time,
        });

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
