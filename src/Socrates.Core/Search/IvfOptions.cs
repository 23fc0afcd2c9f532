using Microsoft.Extensions.Options;

namespace Socrates.Core.Search;

/// <summary>
/// How the IVF-flat index partitions and searches. Unset <see cref="Lists"/> follows pgvector's
/// guidance: rows / 1000 up to a million rows (sqrt(rows) beyond), at least 1. Unset
/// <see cref="Probes"/> starts from pgvector's sqrt(lists) (rounded up) and, when
/// <see cref="CalibrationTargetRecall"/> is set (the default), is raised at build time to the
/// smallest value whose recall@10 on a seeded sample of the index's own vectors reaches the
/// target: pgvector's rule is a starting point, and on weakly clustered embeddings (such as the
/// hashing embedder's) it falls well short of useful recall. Set the target to null for the
/// pure pgvector rule.
/// </summary>
public sealed class IvfOptions
{
    public const int MaxLists = 65_536;

    /// <summary>Number of inverted lists (k-means clusters); null = pgvector default for the row count.</summary>
    public int? Lists { get; set; }

    /// <summary>Lists scanned per query; null = ceil(sqrt(lists)).</summary>
    public int? Probes { get; set; }

    /// <summary>Recall@10 the calibrated default probes must reach (0 to 1]; null = no calibration.</summary>
    public double? CalibrationTargetRecall { get; set; } = 0.95;

    /// <summary>Sampled index vectors used as calibration queries when too few queries were logged.</summary>
    public int CalibrationQueries { get; set; } = 100;

    /// <summary>Served queries a <see cref="VectorIndexManager"/> keeps (a uniform sample) to calibrate its next build on; 0 = none.</summary>
    public int QueryLogSize { get; set; } = 256;

    /// <summary>Logged queries a build needs to calibrate on them rather than on the index's own rows.</summary>
    public int MinLoggedQueries { get; set; } = 50;

    /// <summary>Lloyd iterations after k-means++ seeding (stops early once assignments settle).</summary>
    public int TrainingIterations { get; set; } = 10;

    /// <summary>Seed of the k-means random number generator: same seed, same index.</summary>
    public int Seed { get; set; } = 1_618_033;

    /// <summary>k-means trains on at most this many rows (a seeded sample), then assigns all rows.</summary>
    public int MaxTrainingSamples { get; set; } = 25_000;

    /// <summary>Lists for <paramref name="rows"/> rows: <see cref="Lists"/> if set, else pgvector's default; never more than the rows.</summary>
    public int ResolveLists(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var lists = Lists ?? DefaultLists(rows);
        return Math.Max(1, Math.Min(lists, Math.Max(1, rows)));
    }

    /// <summary>Probes for an index of <paramref name="lists"/> lists: <see cref="Probes"/> if set (capped at lists), else ceil(sqrt(lists)).</summary>
    public int ResolveProbes(int lists)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lists, 1);
        return Math.Min(lists, Probes ?? DefaultProbes(lists));
    }

    public static int DefaultLists(int rows) =>
        rows <= 1_000_000 ? Math.Max(1, rows / 1000) : (int)Math.Sqrt(rows);

    public static int DefaultProbes(int lists) => Math.Max(1, (int)Math.Ceiling(Math.Sqrt(lists)));

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every invalid setting.</summary>
    public IvfOptions Validate()
    {
        var result = new IvfOptionsValidator().Validate(null, this);
        return result.Failed
            ? throw new OptionsValidationException(nameof(IvfOptions), typeof(IvfOptions), result.Failures)
            : this;
    }
}
