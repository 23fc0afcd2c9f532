using Socrates.Core.Caching;
using static Socrates.Properties.Tests.Caching.CacheOperation;

namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// Hand-written histories, each aimed at one defect. A correct cache passes all of them; each cache
/// canary fails at least one deterministically, so a canary run never depends on the generator's luck.
/// </summary>
public static class CacheScenarios
{
    public static IReadOnlyList<(string Name, CacheHistory History)> All { get; } =
    [
        ("read after write sees the write", H(new Put(0, 5), new Read(0), new Write(0, 5), new TryGet(0), new Read(0), new TryGet(0))),
        ("entry expires at its time to live", H(new Put(1, 5), new Advance(999), new TryGet(1), new Advance(1), new TryGet(1), new Read(1), new Advance(1_500), new TryGet(1))),
        ("read overlapping a write cannot stay cached", H(new Put(2, 5), new OverlappedWrite(2, 5), new TryGet(2), new Read(2))),
        ("read begun before a write cannot install after it", H(new Write(3, 4), new BeginRead(3), new Write(3, 4), new CompleteRead(0), new TryGet(3))),
        ("read begun before a flush cannot install after it", H(new Write(3, 4), new BeginRead(3), new InvalidateAll(), new CompleteRead(0), new TryGet(3))),
        ("flush and version change hide everything", H(new Put(4, 3), new InvalidateAll(), new TryGet(4), new Put(4, 3), new BumpVersion(), new TryGet(4))),
        ("bounds hold under many inserts", H(new Put(0, 10), new Put(1, 10), new Put(2, 10), new Put(3, 10), new Put(4, 10), new Put(5, 10), new TryGet(0), new TryGet(5))),
        ("oversized value is not cached", H(new Put(0, 5), new Put(0, 60), new TryGet(0), new Read(0), new TryGet(0))),
    ];

    private static CacheHistory H(params CacheOperation[] steps) => new(EvictionPolicy.Sieve, steps);
}
