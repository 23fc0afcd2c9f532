using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Tests.Evaluation;

/// <summary>
/// The decision rule checked exhaustively over a grid of thresholds and values that includes
/// every boundary: monotone in the value, max the mirror of min, and the bands as documented.
/// </summary>
[Trait("Category", "Unit")]
public sealed class GateEvaluatorGridTests
{
    private static readonly double[] s_points = [-10, -1, -0.5, 0, 0.25, 0.5, 0.9, 0.95, 1, 2, 10];

    private static int Badness(GateStatus status) => status switch
    {
        GateStatus.Pass => 0,
        GateStatus.Warn => 1,
        GateStatus.Fail => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    [Fact]
    public void Decide_Min_BetterValueNeverWorseStatus()
    {
        foreach (var (fail, warn) in MinThresholds())
        {
            var ordered = s_points.Order().ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                var lower = Badness(GateEvaluator.Decide(Direction.Min, fail, warn, ordered[i - 1]));
                var higher = Badness(GateEvaluator.Decide(Direction.Min, fail, warn, ordered[i]));
                Assert.True(higher <= lower, $"min fail={fail} warn={warn}: {ordered[i]} decided worse than {ordered[i - 1]}");
            }
        }
    }

    [Fact]
    public void Decide_Max_IsMirrorOfMin()
    {
        foreach (var (fail, warn) in MinThresholds())
        {
            foreach (var value in s_points)
            {
                Assert.Equal(
                    GateEvaluator.Decide(Direction.Min, fail, warn, value),
                    GateEvaluator.Decide(Direction.Max, -fail, -warn, -value));
            }
        }
    }

    [Fact]
    public void Decide_Min_BandsAsDocumented()
    {
        foreach (var (fail, warn) in MinThresholds())
        {
            foreach (var value in s_points)
            {
                var expected = value < fail ? GateStatus.Fail
                    : warn is not null && value < warn ? GateStatus.Warn
                    : GateStatus.Pass;
                Assert.Equal(expected, GateEvaluator.Decide(Direction.Min, fail, warn, value));
            }
        }
    }

    /// <summary>Every legal (fail, warn) pair for direction min over the grid, and no warn at all.</summary>
    private static IEnumerable<(double Fail, double? Warn)> MinThresholds() =>
        s_points.SelectMany(fail => s_points.Where(w => w >= fail).Select(w => (fail, (double?)w)).Append((fail, null)));
}
