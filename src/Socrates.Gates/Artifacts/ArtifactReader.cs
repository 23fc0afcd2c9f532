using Socrates.Gates.Metrics;

namespace Socrates.Gates.Artifacts;

/// <summary>
/// Reads an artifacts folder (the main run's, or a canary's <c>canaries/{gate}/</c>) through the
/// metric sources. Bad input files become problems; only the absence of a figure matters to a gate.
/// </summary>
internal sealed class ArtifactReader(IReadOnlyList<IMetricSource> sources)
{
    public static IReadOnlyList<IMetricSource> DefaultSources { get; } = [new MetricFileSource(), new TrxSource(), new CoverageSource()];

    public ArtifactReader()
        : this(DefaultSources)
    {
    }

    public ArtifactSnapshot Read(string artifactsRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsRoot);
        var root = Path.GetFullPath(artifactsRoot);
        var problems = new List<InputProblem>();
        var samples = new List<MetricSample>();
        var testSuites = new List<TestSuiteCounts>();
        CoverageSummary? coverage = null;
        foreach (var source in sources)
        {
            var result = source.Read(root);
            samples.AddRange(result.Samples);
            problems.AddRange(result.Problems);
            testSuites.AddRange(result.TestSuites);
            coverage ??= result.Coverage;
        }

        var metrics = new MetricSet(samples);
        problems.AddRange(metrics.Problems);
        var suites = SuiteRunReader.Read(root, problems);
        return new ArtifactSnapshot(root, metrics, testSuites, coverage, suites, problems);
    }
}
