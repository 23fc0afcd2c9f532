using FsCheck;
using FsCheck.Fluent;
using Socrates.Core.Caching;

namespace Socrates.Properties.Tests.Caching;

/// <summary>FsCheck generators of cache histories, and a shrinker that drops steps.</summary>
public static class CacheHistoryGenerators
{
    public const int Keys = 6;

    public static Gen<CacheOperation> Operation { get; } = Gen.Frequency(
        (6, Key.Select(k => (CacheOperation)new CacheOperation.TryGet(k))),
        (5, Key.Select(k => (CacheOperation)new CacheOperation.Read(k))),
        (4, Key.Zip(Length).Select(p => (CacheOperation)new CacheOperation.Put(p.Item1, p.Item2))),
        (4, Key.Zip(Length).Select(p => (CacheOperation)new CacheOperation.Write(p.Item1, p.Item2))),
        (3, Key.Zip(Length).Select(p => (CacheOperation)new CacheOperation.OverlappedWrite(p.Item1, p.Item2))),
        (4, Key.Select(k => (CacheOperation)new CacheOperation.BeginRead(k))),
        (4, Gen.Choose(0, 7).Select(s => (CacheOperation)new CacheOperation.CompleteRead(s))),
        (1, Gen.Constant((CacheOperation)new CacheOperation.InvalidateAll())),
        (1, Gen.Constant((CacheOperation)new CacheOperation.BumpVersion())),
        (3, Gen.Choose(1, 1_200).Select(ms => (CacheOperation)new CacheOperation.Advance(ms))));

    public static Gen<CacheHistory> History { get; } =
        Gen.Elements(EvictionPolicy.Lru, EvictionPolicy.Sieve)
            .Zip(Gen.ListOf(Operation))
            .Select(p => new CacheHistory(p.Item1, [.. p.Item2]));

    public static Arbitrary<CacheHistory> Arbitrary { get; } = Arb.From(History, Shrink);

    private static Gen<int> Key => Gen.Choose(0, Keys - 1);

    // Mostly within the byte bound (48), sometimes alone larger than it.
    private static Gen<int> Length => Gen.Frequency((9, Gen.Choose(1, 20)), (1, Gen.Choose(40, 60)));

    /// <summary>Shorter histories first: halves, then each single step removed.</summary>
    public static IEnumerable<CacheHistory> Shrink(CacheHistory history)
    {
        var steps = history.Steps;
        if (steps.Count > 1)
        {
            yield return history with { Steps = steps.Take(steps.Count / 2).ToArray() };
            yield return history with { Steps = steps.Skip(steps.Count / 2).ToArray() };
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            yield return history with { Steps = steps.Where((_, j) => j != i).ToArray() };
        }
    }
}

/// <summary>A generated history and the eviction policy it runs against.</summary>
public sealed record CacheHistory(EvictionPolicy Policy, IReadOnlyList<CacheOperation> Steps)
{
    public override string ToString() => $"{Policy}: [{string.Join(", ", Steps)}]";
}
