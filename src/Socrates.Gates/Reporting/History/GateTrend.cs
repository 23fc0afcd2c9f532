using Socrates.Gates.Config;

namespace Socrates.Gates.Reporting.History;

/// <summary>
/// A gate's figures over its last runs of the same profile, this run last, and whether it is
/// drifting toward its fail line: over the last <see cref="DriftRuns"/> figures every step moved
/// closer to the line, and the margin left is under half the margin at the start of that stretch.
/// A gate already red is not "drifting"; it has crossed.
/// </summary>
internal sealed record GateTrend(IReadOnlyList<double> Values, bool Drifting)
{
    public const int Shown = 12;
    public const int DriftRuns = 4;

    public static GateTrend? Of(string gateId, string profile, double fail, Direction direction, double? current, bool red, IReadOnlyList<RunRecord> history)
    {
        var values = history
            .Where(r => r.Profile == profile)
            .Select(r => r.Gates.FirstOrDefault(g => g.Id == gateId)?.Value)
            .Where(v => v is not null && double.IsFinite(v.Value))
            .Select(v => v!.Value)
            .ToList();
        if (current is { } now && double.IsFinite(now))
        {
            values.Add(now);
        }

        if (values.Count < 2)
        {
            return null;
        }

        var shown = values.TakeLast(Shown).ToList();
        return new GateTrend(shown, !red && IsDrifting(values.TakeLast(DriftRuns).ToList(), fail, direction));
    }

    private static bool IsDrifting(List<double> last, double fail, Direction direction)
    {
        if (last.Count < DriftRuns)
        {
            return false;
        }

        double Margin(double value) => direction == Direction.Min ? value - fail : fail - value;
        var margins = last.Select(Margin).ToList();
        for (var i = 1; i < margins.Count; i++)
        {
            if (margins[i] >= margins[i - 1])
            {
                return false;
            }
        }

        return margins[0] > 0 && margins[^1] < margins[0] / 2;
    }
}
