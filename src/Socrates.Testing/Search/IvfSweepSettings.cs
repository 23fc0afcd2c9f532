namespace Socrates.Testing.Search;

/// <summary>What <see cref="IvfSweepExperiment"/> measures: which embedder, which queries, how many rows.</summary>
public sealed record IvfSweepSettings
{
    public const string Hashing = "hashing";
    public const string Lsa = "lsa";
    public const string WordVectors = "word-vectors";
    public const string GoldenQueries = "golden";
    public const string HeldOutQueries = "held-out";

    /// <summary>The values <see cref="Embedder"/> takes.</summary>
    public static IReadOnlyList<string> Embedders { get; } = [Hashing, Lsa, WordVectors];

    /// <summary>The values <see cref="Queries"/> takes.</summary>
    public static IReadOnlyList<string> QuerySets { get; } = [GoldenQueries, HeldOutQueries];

    /// <summary><see cref="Hashing"/> (pinned), <see cref="Lsa"/> or <see cref="WordVectors"/>.</summary>
    public string Embedder { get; init; } = Hashing;

    /// <summary>The wink JSON word-vectors file; required for <c>word-vectors</c>.</summary>
    public string? WordVectorsPath { get; init; }

    /// <summary><see cref="GoldenQueries"/> (the keyword queries) or <see cref="HeldOutQueries"/> (documents left out of the set).</summary>
    public string Queries { get; init; } = GoldenQueries;

    public int Rows { get; init; } = 100_000;

    /// <summary>Lloyd iterations of the k-means.</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>
    /// False: pgvector's defaults exactly (lists = rows/1000, probes = sqrt(lists)); true: the
    /// production calibration, on the even queries as its query log, sweeping the odd ones.
    /// </summary>
    public bool Calibrate { get; init; }

    /// <summary>Every <see cref="HeldOutStride"/>-th corpus entry is a held-out query.</summary>
    public const int HeldOutStride = 18;
}
