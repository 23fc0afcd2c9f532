namespace Socrates.Gates.Metrics;

/// <summary>Whether a metric file holds a figure the engine can decide on.</summary>
public enum MetricStatus
{
    /// <summary>A clean measurement.</summary>
    Measured,

    /// <summary>
    /// The writer could not measure cleanly within its budget (machine too busy, spread too wide);
    /// the value is its last reading. The gate comes out inconclusive: not pass, not fail.
    /// </summary>
    Inconclusive,
}
