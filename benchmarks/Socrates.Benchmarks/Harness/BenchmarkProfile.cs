using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Socrates.Benchmarks.Harness;

/// <summary>
/// The three run lengths of the pipeline. Every profile uses a FIXED number of warm-up and
/// measured iterations (never BenchmarkDotNet's "run until stable" heuristic), so two runs of one
/// profile produce samples of the same size and a stored baseline stays comparable.
/// <para>
/// All profiles run in process (<see cref="InProcessEmitToolchain"/>): BenchmarkDotNet's default
/// toolchain generates, builds and launches one project per benchmark, which costs tens of
/// seconds of compilation per benchmark on this 2-core machine. The price of running in process:
/// no process isolation (benchmarks share the JIT, the GC heap and static state; a crash ends the
/// whole run) and the GC/runtime settings of the host process cannot be varied per job. For
/// before/after comparisons made in one run that is the right trade: both sides share the same
/// conditions, and the gates read ratios, never absolute times.
/// </para>
/// </summary>
public sealed record BenchmarkProfile(string Name, int WarmupCount, int IterationCount, TimeSpan IterationTime)
{
    public static BenchmarkProfile Quick { get; } = new("quick", 2, 10, TimeSpan.FromMilliseconds(100));

    public static BenchmarkProfile Ci { get; } = new("ci", 3, 15, TimeSpan.FromMilliseconds(200));

    public static BenchmarkProfile Full { get; } = new("full", 5, 30, TimeSpan.FromMilliseconds(500));

    /// <summary>The profile named <paramref name="name"/> (quick, ci, full), or null.</summary>
    public static BenchmarkProfile? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        "quick" => Quick,
        "ci" => Ci,
        "full" => Full,
        _ => null,
    };

    /// <summary>The BenchmarkDotNet job of this profile: one launch, in process, fixed counts.</summary>
    public Job ToJob() =>
        Job.Default
            .WithId(Name)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(IterationTime.TotalMilliseconds));
}
