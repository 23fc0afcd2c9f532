using Socrates.Gates.Config;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// One decided gate: its status, the figure it was decided on (null when missing or skipped), why,
/// how its canary fared, and any doubt worth a reader's attention (e.g. a unit mismatch).
/// </summary>
internal sealed record GateResult(GateDefinition Gate, GateStatus Status, MetricSample? Sample, string Reason, CanaryResult Canary, string? Note = null)
{
    public double? Value => Sample?.Value;

    /// <summary>True for fail and missing: the statuses that make a run NO-GO.</summary>
    public bool IsRed => Status is GateStatus.Fail or GateStatus.Missing;
}
