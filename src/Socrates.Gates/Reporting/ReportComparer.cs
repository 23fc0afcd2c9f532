using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>Per gate: what the previous report said against what this one says.</summary>
internal static class ReportComparer
{
    public const string New = "new";
    public const string Removed = "removed";
    public const string StatusChanged = "status";
    public const string ValueChanged = "value";
    public const string Unchanged = "unchanged";

    public static IReadOnlyList<ReportChange> Compare(GateReport? previous, IReadOnlyList<ReportGate> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return [];
        }

        var before = previous.Gates.GroupBy(g => g.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changes = new List<ReportChange>();
        foreach (var gate in current)
        {
            if (!before.Remove(gate.Id, out var old))
            {
                changes.Add(new ReportChange(gate.Id, null, null, gate.Status, gate.Value, New));
                continue;
            }

            var kind = old.Status != gate.Status ? StatusChanged
                : !Nullable.Equals(old.Value, gate.Value) ? ValueChanged
                : Unchanged;
            changes.Add(new ReportChange(gate.Id, old.Status, old.Value, gate.Status, gate.Value, kind));
        }

        changes.AddRange(before.Values.Select(old => new ReportChange(old.Id, old.Status, old.Value, null, null, Removed)));
        return changes;
    }

    /// <summary>A change as a phrase: <c>pass 0.99 → fail 0.81</c>.</summary>
    public static string Describe(ReportChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        static string Side(GateStatus? status, double? value) =>
            status is null ? "(none)" : value is null ? Word(status.Value) : $"{Word(status.Value)} {NumberFormat.Of(value)}";
        return $"{Side(change.PreviousStatus, change.PreviousValue)} → {Side(change.CurrentStatus, change.CurrentValue)}";
    }

    private static string Word(GateStatus status) => status.ToString().ToLowerInvariant();
}
