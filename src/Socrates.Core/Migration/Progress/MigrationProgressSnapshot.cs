namespace Socrates.Core.Migration.Progress;

/// <summary>Where a migration stands: rows done of total, recent speed, and the time it should still take.</summary>
public sealed record MigrationProgressSnapshot(long RowsDone, long RowsTotal, double RowsPerSecond, TimeSpan? Eta, TimeSpan Elapsed)
{
    public double Fraction => RowsTotal <= 0 ? 1.0 : Math.Min(1.0, (double)RowsDone / RowsTotal);
}
