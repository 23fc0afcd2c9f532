namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The figure (the lower of the two efficiencies), whether it is decided (parallel capacity
/// shown, both intervals clear of the threshold), the median gains, and every round behind it.
/// </summary>
internal sealed record ReaderScalingResult(
    bool Conclusive,
    string? Reason,
    double Efficiency,
    double Threshold,
    ReaderScalingEstimate Alone,
    ReaderScalingEstimate WithWriter,
    double MedianCpuGain,
    double MedianCpuGainBesideWriter,
    double MedianReadGain,
    double MedianWithWriterReadGain,
    int Attempts,
    long Writes,
    ReaderScalingSettings Settings,
    List<ReaderScalingRound> Rounds);
