namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// One round: the two conditions' throughputs, all taken within a second of each other.
/// </summary>
internal sealed record ReaderScalingRound(int Round, ReaderScalingPair Alone, ReaderScalingPair BesideWriter)
{
    public ReaderScalingRound(int round, (PhaseThroughput One, PhaseThroughput Many) baseline, (PhaseThroughput One, PhaseThroughput Many) read, (PhaseThroughput One, PhaseThroughput Many) baselineBesideWriter, (PhaseThroughput One, PhaseThroughput Many) readBesideWriter)
        : this(round, ReaderScalingPair.Of(baseline, read), ReaderScalingPair.Of(baselineBesideWriter, readBesideWriter))
    {
    }
}

/// <summary>
/// Loads per second of the bare SQLite baseline (<see cref="ReaderScalingBaseline"/>) with 1 and
/// N readers and of V2 with 1 and N readers, under one condition, with the cores other processes
/// took given back (<see cref="PhaseThroughput.Throughput"/>); a gain is N against 1.
/// <see cref="GivenBack"/>: the largest share of the loops' time given back in the four phases.
/// The measured gains: the same over wall time, nothing given back.
/// </summary>
internal sealed record ReaderScalingPair(double Baseline1, double BaselineN, double Read1, double ReadN, double GivenBack, double MeasuredBaselineGain, double MeasuredReadGain)
{
    public double BaselineGain => BaselineN / Baseline1;

    public double ReadGain => ReadN / Read1;

    public static ReaderScalingPair Of((PhaseThroughput One, PhaseThroughput Many) baseline, (PhaseThroughput One, PhaseThroughput Many) read) => new(
        Math.Round(baseline.One.Throughput),
        Math.Round(baseline.Many.Throughput),
        Math.Round(read.One.Throughput),
        Math.Round(read.Many.Throughput),
        new[] { baseline.One, baseline.Many, read.One, read.Many }.Max(p => p.GivenBack),
        Math.Round(baseline.Many.Measured / baseline.One.Measured, 3),
        Math.Round(read.Many.Measured / read.One.Measured, 3));
}
