namespace Socrates.Core.V2.Monitoring;

/// <summary>One operation's figures in a <see cref="MonitorSnapshot"/> (latencies in milliseconds).</summary>
public sealed record OperationStats(
    string Operation,
    long Count,
    long Errors,
    long SlowCount,
    int Samples,
    double MeanMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs);
