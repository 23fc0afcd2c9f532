namespace Socrates.Gates.Metrics;

/// <summary>
/// One measured figure. <see cref="Origin"/> is the file it was read from and
/// <see cref="Evidence"/> the file backing it, both relative to the artifacts root.
/// </summary>
internal sealed record MetricSample(
    string Name,
    double Value,
    string? Unit,
    string? Evidence,
    string? Suite,
    string? Profile,
    IReadOnlyList<string>? Failpoints,
    DateTimeOffset? WrittenAt,
    string Origin)
{
    /// <summary>The evidence, or failing that the file the figure came from.</summary>
    public string EvidenceOrOrigin => Evidence ?? Origin;
}
