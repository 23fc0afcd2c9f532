using System.Globalization;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The small-then-large rounds of the retained-memory measurement. A run's reading is the live
/// heap at its batch boundaries, peak over the run; it comes in steps of one decoded batch, because
/// whether the read-ahead batch is already decoded when a boundary is read depends on the thread
/// scheduling. A reading can fall short of the migrator's true peak (one or two batches missing:
/// 6 or 12 MiB against 19 on a clean tree), never exceed it, so each source's figure is its
/// highest reading over the rounds and the growth is the large source's over the small one's.
/// While the growth lies above the gate's fail line, more rounds of both sources are read (at most
/// <see cref="MaxRounds"/>): a short reading of the small source pushes the figure up, and more
/// rounds only bring each figure closer to its true peak. A migrator that holds a table retains
/// four times more at every round, so extra rounds never take it below the line.
/// </summary>
internal sealed class MemoryGrowthRounds
{
    /// <summary>The fail line of gate migration-memory-bounded.</summary>
    public const double FailGrowth = 2.0;

    /// <summary>Rounds always read.</summary>
    public const int MinRounds = 3;

    /// <summary>Rounds read at most, while the growth stays above the fail line.</summary>
    public const int MaxRounds = 9;

    private readonly List<RetainedReading> _small = [];
    private readonly List<RetainedReading> _large = [];

    public IReadOnlyList<RetainedReading> Small => _small;

    public IReadOnlyList<RetainedReading> Large => _large;

    public int Rounds => Math.Min(_small.Count, _large.Count);

    /// <summary>The small source's highest reading.</summary>
    public RetainedReading SmallPeak => _small.MaxBy(r => r.PeakRetainedBytes);

    /// <summary>The large source's highest reading.</summary>
    public RetainedReading LargePeak => _large.MaxBy(r => r.PeakRetainedBytes);

    public double Growth => (double)LargePeak.PeakRetainedBytes / SmallPeak.PeakRetainedBytes;

    /// <summary>Whether another round is to be read.</summary>
    public bool NeedsAnotherRound => Rounds < MinRounds || (Rounds < MaxRounds && Growth > FailGrowth);

    public void Add(RetainedReading small, RetainedReading large)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(small.PeakRetainedBytes, 1, nameof(small));
        _small.Add(small);
        _large.Add(large);
    }

    /// <summary>The readings in MiB, for the evidence and the test output.</summary>
    public static string Describe(IEnumerable<RetainedReading> readings) =>
        string.Join(", ", readings.Select(r => (r.PeakRetainedBytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture)));
}

/// <summary>One migration's peak of retained memory over its batch boundaries, and how many boundaries it had.</summary>
internal readonly record struct RetainedReading(long PeakRetainedBytes, int Batches);
