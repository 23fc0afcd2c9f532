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
        var files = new List<string>();
        CoverageSummary? coverage = null;
        foreach (var source in sources)
        {
            var result = source.Read(root);
            samples.AddRange(result.Samples);
            problems.AddRange(result.Problems);
            testSuites.AddRange(result.TestSuites);
            files.AddRange(result.Files);
            coverage ??= result.Coverage;
        }

        var metrics = new MetricSet(samples);
        problems.AddRange(metrics.Problems);
        var suites = SuiteRunReader.Read(root, problems);
        var suitesFile = Path.Combine(root, SuiteRunReader.FileName);
        if (File.Exists(suitesFile))
        {
            files.Add(suitesFile);
        }

        files.AddRange(EvidenceFiles(root, samples));
        var rehearsals = RehearsalReader.Read(root, problems, files);
        return new ArtifactSnapshot(root, metrics, testSuites, coverage, suites, problems) { Files = files, Rehearsals = rehearsals };
    }

    /// <summary>The existing files the figures name as their evidence (the report links them, so their checksums are recorded).</summary>
    private static IEnumerable<string> EvidenceFiles(string root, IEnumerable<MetricSample> samples) =>
        samples
            .Where(s => s.Evidence is not null && !s.Evidence.Contains(':', StringComparison.Ordinal))
            .Select(s => Path.GetFullPath(Path.Combine(root, s.Evidence!)))
            .Where(File.Exists);
}
