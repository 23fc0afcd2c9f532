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
    /// <summary>The fully qualified name of the test that wrote the figure (<c>Namespace.Class.Method</c>), when known.</summary>
    public string? Test { get; init; }

    /// <summary>The file name of the test assembly that wrote the figure, when known.</summary>
    public string? Assembly { get; init; }

    /// <summary>Measured, or inconclusive when the writer could not get a clean measurement.</summary>
    public MetricStatus Status { get; init; } = MetricStatus.Measured;

    /// <summary>Why the figure is inconclusive (the writer's words); null for a measured one.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The SHA-256 of the user's V1 database the figure was measured on (a rehearsal); null for
    /// generated data. The report trusts it only when a rehearsal record names the same database.
    /// </summary>
    public string? Dataset { get; init; }

    public bool IsInconclusive => Status == MetricStatus.Inconclusive;

    /// <summary>The evidence, or failing that the file the figure came from.</summary>
    public string EvidenceOrOrigin => Evidence ?? Origin;
}
