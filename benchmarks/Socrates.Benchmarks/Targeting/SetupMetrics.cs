using Socrates.Benchmarks.Projects;

namespace Socrates.Benchmarks.Targeting;

/// <summary>
/// Metrics that no comparison computes: a benchmark class's setup writes them (the database files
/// it builds are the measurement). A targeted run produces one by running that setup alone,
/// without the class's timed benchmarks.
/// </summary>
public static class SetupMetrics
{
    public const string FileSizeRatio = "bench.v2_file_size_ratio";

    /// <summary>Every setup-written metric, with the setup that writes it.</summary>
    public static IReadOnlyDictionary<string, Action> Writers { get; } = new Dictionary<string, Action>(StringComparer.Ordinal)
    {
        [FileSizeRatio] = () =>
        {
            var benchmarks = new GetUserProjectsBenchmarks();
            try
            {
                benchmarks.Setup();
            }
            finally
            {
                benchmarks.Cleanup();
            }
        },
    };
}
