namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// One round: the two conditions' throughputs, all taken within a second of each other.
/// </summary>
internal sealed record ReaderScalingRound(int Round, ReaderScalingPair Alone, ReaderScalingPair BesideWriter)
{
    public ReaderScalingRound(int round, (double One, double Many) baseline, (double One, double Many) read, (double One, double Many) baselineBesideWriter, (double One, double Many) readBesideWriter)
        : this(round, new ReaderScalingPair(baseline.One, baseline.Many, read.One, read.Many), new ReaderScalingPair(baselineBesideWriter.One, baselineBesideWriter.Many, readBesideWriter.One, readBesideWriter.Many))
    {
    }
}

/// <summary>
/// Loads per second of the bare SQLite baseline (<see cref="ReaderScalingBaseline"/>) with 1 and
/// N readers and of V2 with 1 and N readers, under one condition; a gain is N against 1.
/// </summary>
internal sealed record ReaderScalingPair(double Baseline1, double BaselineN, double Read1, double ReadN)
{
    public double BaselineGain => BaselineN / Baseline1;

    public double ReadGain => ReadN / Read1;
}
