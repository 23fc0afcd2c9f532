namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// One round: the two conditions' throughputs, all taken within a second of each other.
/// </summary>
internal sealed record ReaderScalingRound(int Round, ReaderScalingPair Alone, ReaderScalingPair BesideWriter)
{
    public ReaderScalingRound(int round, (double One, double Many) cpu, (double One, double Many) read, (double One, double Many) cpuBesideWriter, (double One, double Many) readBesideWriter)
        : this(round, new ReaderScalingPair(cpu.One, cpu.Many, read.One, read.Many), new ReaderScalingPair(cpuBesideWriter.One, cpuBesideWriter.Many, readBesideWriter.One, readBesideWriter.Many))
    {
    }
}

/// <summary>
/// Operations per second of the CPU workload on 1 and N threads and of 1 and N readers, under
/// one condition; a gain is N against 1.
/// </summary>
internal sealed record ReaderScalingPair(double Cpu1, double CpuN, double Read1, double ReadN)
{
    public double CpuGain => CpuN / Cpu1;

    public double ReadGain => ReadN / Read1;
}
