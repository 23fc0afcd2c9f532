using BenchmarkDotNet.Attributes;
using Socrates.Benchmarks.Harness;
using Socrates.Core.Failpoints;
using Socrates.Benchmarks.Reference;

namespace Socrates.Benchmarks.SelfTest;

/// <summary>
/// Proves the benchmark gates can fail. <see cref="Slow"/> does four units of work,
/// <see cref="Fast"/> one, so the speed-up gate sees ~4x and the regression gate sees
/// <see cref="Fast"/> unchanged against its baseline. When the environment variable
/// <c>SOCRATES_FAILPOINTS</c> names <c>bench.selftest.delay</c>, <see cref="Fast"/> does eight
/// units instead: the speed-up falls to ~0.5x and the regression to ~+700%, and both gates must
/// go red (the name is declared in <see cref="HarnessFailpoints"/>).
/// </summary>
public class SelfTestBenchmarks
{
    public const string DelayFailpoint = HarnessFailpoints.SelfTestDelay;

    private const int UnitPasses = 1;
    private readonly int _fastPasses = Failpoint.IsActive(DelayFailpoint) ? 8 * UnitPasses : UnitPasses;

    [Benchmark(Baseline = true)]
    public ulong Slow() => FixedWorkload.Run(4 * UnitPasses);

    [Benchmark]
    public ulong Fast() => FixedWorkload.Run(_fastPasses);

    /// <summary>
    /// The calibration workload, measured in this class so that it runs seconds (not minutes)
    /// from <see cref="Fast"/>: the regression check normalises by it (see benchmarks/comparisons.json).
    /// </summary>
    [Benchmark]
    public ulong Reference() => FixedWorkload.Run(2);
}
