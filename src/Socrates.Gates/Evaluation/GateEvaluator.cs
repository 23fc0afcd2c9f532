using System.Globalization;
using Socrates.Gates.Config;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Evaluation;

/// <summary>
/// Decides gates: pure code over a gate definition and a set of figures. For direction max a
/// value above fail fails and above warn warns; for min, below. A value equal to a threshold
/// passes that threshold. A metric nobody measured is missing, which counts as a failure.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>The status of <paramref name="value"/> against the thresholds.</summary>
    public static GateStatus Decide(Direction direction, double fail, double? warn, double value)
    {
        if (double.IsNaN(value))
        {
            return GateStatus.Fail;
        }

        return direction switch
        {
            Direction.Max when value > fail => GateStatus.Fail,
            Direction.Max when warn is not null && value > warn => GateStatus.Warn,
            Direction.Min when value < fail => GateStatus.Fail,
            Direction.Min when warn is not null && value < warn => GateStatus.Warn,
            Direction.Max or Direction.Min => GateStatus.Pass,
            _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction."),
        };
    }

    /// <summary>Decides <paramref name="gate"/> on <paramref name="metrics"/> (its canary not yet considered).</summary>
    public static GateResult Evaluate(GateDefinition gate, MetricSet metrics, string profile)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(metrics);
        var noCanary = gate.Canary is null ? CanaryResult.NoCanary : new CanaryResult(CanaryStatus.NotRun, null, null, "canary not run");
        if (!gate.AppliesTo(profile))
        {
            return new GateResult(gate, GateStatus.Skipped, null, $"not in profile '{profile}' (runs in {string.Join(", ", gate.Profiles)})", noCanary);
        }

        var sample = metrics.Find(gate.Metric);
        if (sample is null)
        {
            return new GateResult(gate, GateStatus.Missing, null, $"metric '{gate.Metric}' was not measured: no evidence, no pass", noCanary);
        }

        if (sample.IsInconclusive)
        {
            return new GateResult(gate, GateStatus.Inconclusive, sample, Inconclusive(sample), noCanary, Notes(gate, sample, profile));
        }

        var status = Decide(gate.Direction, gate.Fail, gate.Warn, sample.Value);
        return new GateResult(gate, status, sample, Explain(gate, status, sample.Value), noCanary, Notes(gate, sample, profile));
    }

    /// <summary>One line saying why the gate came out as it did.</summary>
    public static string Explain(GateDefinition gate, GateStatus status, double value)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var op = gate.Direction == Direction.Max ? ">" : "<";
        var safe = gate.Direction == Direction.Max ? "<=" : ">=";
        var v = NumberFormat.Of(value);
        return status switch
        {
            GateStatus.Fail => $"{v} {op} fail {NumberFormat.Of(gate.Fail)}",
            GateStatus.Warn => $"{v} {op} warn {NumberFormat.Of(gate.Warn!.Value)} (fail {NumberFormat.Of(gate.Fail)})",
            GateStatus.Pass => $"{v} {safe} {(gate.Warn is null ? "fail " + NumberFormat.Of(gate.Fail) : "warn " + NumberFormat.Of(gate.Warn.Value))}",
            _ => status.ToString(),
        };
    }

    /// <summary>Why an inconclusive figure decides nothing: the writer's reason and its last reading.</summary>
    public static string Inconclusive(MetricSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var last = double.IsFinite(sample.Value) ? $" (last reading {NumberFormat.Of(sample.Value)})" : "";
        return $"inconclusive: {sample.Reason}{last}";
    }

    /// <summary>
    /// Doubts about the evidence a reader should see, though they do not change the status: a unit
    /// other than the gate's, a figure measured under another profile (stale or wrong-sized run),
    /// or one measured with failpoints on (a canary's figure in the main run).
    /// </summary>
    private static string? Notes(GateDefinition gate, MetricSample sample, string profile)
    {
        var notes = new List<string>();
        if (sample.Unit is not null && !string.Equals(sample.Unit, gate.Unit, StringComparison.OrdinalIgnoreCase))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the gate expects unit '{gate.Unit}' but {sample.Origin} says '{sample.Unit}'; check the thresholds' scale"));
        }

        if (sample.Profile is not null && !string.Equals(sample.Profile, profile, StringComparison.Ordinal))
        {
            notes.Add($"{sample.Origin} was measured under profile '{sample.Profile}', not '{profile}'; stale artifacts?");
        }

        if (sample.Failpoints is { Count: > 0 })
        {
            notes.Add($"{sample.Origin} was measured with failpoints on ({string.Join(", ", sample.Failpoints)}): a canary's figure in the main run?");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }
}
