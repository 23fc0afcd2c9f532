namespace Socrates.Core.V2.Monitoring;

/// <summary>What the monitor has seen, frozen: per operation stats (by name) and recent slow operations.</summary>
public sealed record MonitorSnapshot(DateTimeOffset TakenAt, double SlowThresholdMs, IReadOnlyList<OperationStats> Operations, IReadOnlyList<SlowOperation> SlowOperations)
{
    /// <summary>The stats of <paramref name="operation"/>, or null when it was never recorded.</summary>
    public OperationStats? For(string operation) => Operations.FirstOrDefault(o => o.Operation == operation);
}
