using System.Diagnostics;
using System.Runtime;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// One measuring phase: <c>workers</c> copies of a loop run side by side on the thread pool for
/// a fixed time; the throughput is their completed operations over the time from start until the
/// last of them stopped (an operation in flight at the stop signal finishes and counts).
/// </summary>
internal static class ReaderScalingPhase
{
    // Collections stay out of the phases (docs/stress.md, "Reader scaling"): a workstation gen0
    // collection stops every thread while one collects, so the more a reader allocates, the less
    // a second reader adds, whatever the read path's locks. 200 MB covers a phase of the fastest
    // loop (about 70,000 loads/s, some kB each, for the warm-up's 0.4 s); a phase that allocates
    // more just collects, as it would without the region.
    private const long NoCollectionBudget = 200L << 20;

    /// <summary>Operations per second of <paramref name="workers"/> copies of <paramref name="loop"/>.</summary>
    /// <param name="loop">Runs operations until its <see cref="ReaderLoopClock"/> says stop; returns how many completed.</param>
    public static async Task<PhaseThroughput> ThroughputAsync(int workers, TimeSpan length, Func<ReaderLoopClock, Task<long>> loop)
    {
        var stop = new StopSignal();
        var clocks = Enumerable.Range(0, workers).Select(_ => new ReaderLoopClock(stop)).ToArray();
        var noCollection = GC.TryStartNoGCRegion(NoCollectionBudget);
        try
        {
            var began = Stopwatch.GetTimestamp();
            var loops = clocks.Select(clock => Task.Run(() => loop(clock))).ToArray();
            await Task.Delay(length);
            stop.Set();
            var operations = await Task.WhenAll(loops);
            var elapsed = Stopwatch.GetElapsedTime(began);
            return PhaseThroughput.Of(elapsed, [.. operations.Zip(clocks, (done, clock) => (done, clock.Ran, TimeSpan.FromTicks(clock.Queued / 100)))]);
        }
        finally
        {
            if (noCollection && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}

/// <summary>Tells a phase's loops to stop; read once per operation.</summary>
internal sealed class StopSignal
{
    private int _set;

    public bool IsSet => Volatile.Read(ref _set) != 0;

    public void Set() => Interlocked.Exchange(ref _set, 1);
}
