namespace Socrates.Core.Migration.Progress;

/// <summary>Where a migration stands: rows done of total, recent speed, and the time it should still take.</summary>
public sealed record MigrationProgressSnapshot(long RowsDone, long RowsTotal, double RowsPerSecond, TimeSpan? Eta, TimeSpan Elapsed)
{
    /// <summary>The phase reporting: backup, scan-keys, copy, validate.</summary>
    public string Phase { get; init; } = "copy";

    /// <summary>The table being copied (copy phase); null for the other phases.</summary>
    public string? Table { get; init; }

    /// <summary>What <see cref="RowsDone"/> counts: rows, or steps of a phase that reports only its start and end.</summary>
    public string Unit { get; init; } = "rows";

    public double Fraction => RowsTotal <= 0 ? 1.0 : Math.Min(1.0, (double)RowsDone / RowsTotal);
}
