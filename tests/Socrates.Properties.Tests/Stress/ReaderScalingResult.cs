namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The figure (the readers' efficiency alone), whether it is decided (parallel capacity shown,
/// the interval clear of the threshold), the beside-writer figures, the median gains, and every
/// round behind it.
/// </summary>
internal sealed record ReaderScalingResult(
    bool Conclusive,
    string? Reason,
    double? Efficiency,
    double Threshold,
    ReaderScalingEstimate Alone,
    ReaderScalingEstimate WithWriter,
    double MedianBaselineGain,
    double MedianBaselineGainBesideWriter,
    double MedianReadGain,
    double MedianWithWriterReadGain,
    int Attempts,
    long Writes,
    ReaderScalingSettings Settings,
    List<ReaderScalingRound> Rounds);
