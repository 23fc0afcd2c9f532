using BenchmarkDotNet.Attributes;

namespace Socrates.Benchmarks.Reference;

/// <summary>
/// The in-run calibration benchmark. Baselines store every benchmark's samples divided by this
/// benchmark's median from the same run, so a faster or slower machine (or a busier moment on a
/// shared one) cancels out of a regression check. Do not change its work: that would invalidate
/// every stored baseline (re-run the Baseline target if you must).
/// </summary>
public class ReferenceBenchmarks
{
    /// <summary>Two passes of <see cref="FixedWorkload"/> (32 KiB hashed; ~30 µs here).</summary>
    [Benchmark]
    public ulong FixedWorkload() => Reference.FixedWorkload.Run(2);
}
