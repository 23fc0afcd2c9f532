namespace Socrates.Gates.Evaluation;

/// <summary>
/// How a gate fared under its canary: the sensitivity, and what the gate measured and decided
/// on the canary's artifacts (null when the canary did not run).
/// </summary>
internal sealed record CanaryResult(CanaryStatus Status, GateStatus? GateStatusUnderCanary, double? ValueUnderCanary, string Reason)
{
    public static CanaryResult NoCanary { get; } = new(CanaryStatus.None, null, null, "no canary");
}
