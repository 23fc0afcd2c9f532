namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// One round's throughputs (operations per second), all taken within a second of each other:
/// the CPU workload on 1 and N threads, 1 and N readers alone, 1 and N readers beside a writer.
/// A gain is N against 1.
/// </summary>
internal sealed record ReaderScalingRound(
    int Round,
    double Cpu1,
    double CpuN,
    double Read1,
    double ReadN,
    double WithWriterRead1,
    double WithWriterReadN)
{
    public double CpuGain => CpuN / Cpu1;

    public double ReadGain => ReadN / Read1;

    public double WithWriterReadGain => WithWriterReadN / WithWriterRead1;
}
