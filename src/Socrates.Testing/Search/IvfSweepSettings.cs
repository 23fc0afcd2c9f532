namespace Socrates.Testing.Search;

/// <summary>What <see cref="IvfSweepExperiment"/> measures: which embedder, which queries, how many rows.</summary>
public sealed record IvfSweepSettings
{
    /// <summary><c>hashing</c> (pinned), <c>lsa</c> or <c>word-vectors</c>.</summary>
    public string Embedder { get; init; } = "hashing";

    /// <summary>The wink JSON word-vectors file; required for <c>word-vectors</c>.</summary>
    public string? WordVectorsPath { get; init; }

    /// <summary><c>golden</c> (the keyword queries) or <c>held-out</c> (documents left out of the set).</summary>
    public string Queries { get; init; } = "golden";

    public int Rows { get; init; } = 100_000;

    /// <summary>Lloyd iterations of the k-means.</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>False: pgvector's defaults exactly (lists = rows/1000, probes = sqrt(lists)); true: the production calibration.</summary>
    public bool Calibrate { get; init; }

    /// <summary>Every <see cref="HeldOutStride"/>-th corpus entry is a held-out query.</summary>
    public const int HeldOutStride = 18;

    public const int Seed = 20_260_101;

    public const double WordDropout = 0.3;
}
