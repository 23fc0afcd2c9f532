namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The migrator-against-bare rounds of the throughput measurement. Each round's ratio is a bare
/// insert's time over the adjacent migration's; the figure is the pooled ratio (all bare time
/// over all migrator time), a weighted mean of the rounds' ratios. It decides only when every
/// round lies on the same side of the gate's fail line: a burst of load that slows one run
/// pulls its round across the line and asks for more rounds, never for a verdict.
/// </summary>
internal sealed class ThroughputRounds
{
    /// <summary>The fail line of gate migration-throughput.</summary>
    public const double FailRatio = 0.5;

    /// <summary>ABBA pairs (four timed runs each) before the measurement is called inconclusive.</summary>
    public const int MaxPairs = 3;

    private readonly List<(TimeSpan Bare, TimeSpan Migrator)> _rounds = [];

    public IReadOnlyList<double> Ratios => [.. _rounds.Select(r => r.Bare / r.Migrator)];

    public TimeSpan MigratorTime => _rounds.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Migrator);

    public TimeSpan BareTime => _rounds.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Bare);

    public double Ratio => BareTime / MigratorTime;

    public bool Decided => Ratios.All(r => r >= FailRatio) || Ratios.All(r => r < FailRatio);

    public string Reason => FormattableString.Invariant(
        $"round ratios {string.Join(", ", Ratios.Select(r => r.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))} fall on both sides of {FailRatio} after {_rounds.Count / 2} ABBA pairs: the machine's load moved single runs");

    public void Add(TimeSpan bare, TimeSpan migrator) => _rounds.Add((bare, migrator));
}
