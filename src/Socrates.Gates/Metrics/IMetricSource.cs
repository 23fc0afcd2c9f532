namespace Socrates.Gates.Metrics;

/// <summary>
/// Where figures come from. Each source reads its own files under an artifacts root (metric
/// files, test results, coverage); a new kind of evidence (for instance statistical comparisons
/// from BenchmarkDotNet's JSON export) is a new implementation added to
/// <see cref="ArtifactReader.DefaultSources"/>, with no change to evaluation or reporting.
/// </summary>
internal interface IMetricSource
{
    /// <summary>A short name for messages (e.g. <c>metric files</c>).</summary>
    string Name { get; }

    /// <summary>Reads what this source finds under <paramref name="artifactsRoot"/>; never throws for bad input files.</summary>
    MetricSourceResult Read(string artifactsRoot);
}
