namespace Socrates.Gates.Metrics;

/// <summary>
/// What a metric source found: figures and problems, plus, for the sources that have them, the
/// per-suite test counts and the coverage summary the report shows in their own sections.
/// </summary>
internal sealed record MetricSourceResult(IReadOnlyList<MetricSample> Samples, IReadOnlyList<InputProblem> Problems)
{
    public static MetricSourceResult Empty { get; } = new([], []);

    public IReadOnlyList<TestSuiteCounts> TestSuites { get; init; } = [];

    public CoverageSummary? Coverage { get; init; }

    /// <summary>Every file the source read (full paths), so the report can record its checksum.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
