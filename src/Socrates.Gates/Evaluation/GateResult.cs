using Socrates.Gates.Config;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// One decided gate: its status, the figure it was decided on (null when missing or skipped), why,
/// how its canary fared, and any doubt worth a reader's attention (e.g. a unit mismatch).
/// </summary>
internal sealed record GateResult(GateDefinition Gate, GateStatus Status, MetricSample? Sample, string Reason, CanaryResult Canary, string? Note = null)
{
    /// <summary>The figure decided on; null when none was measured or an inconclusive metric gave no reading.</summary>
    public double? Value => Sample is { Value: var v } && double.IsFinite(v) ? v : null;

    /// <summary>True for fail and missing: the statuses that make a run NO-GO.</summary>
    public bool IsRed => Status is GateStatus.Fail or GateStatus.Missing;
}
