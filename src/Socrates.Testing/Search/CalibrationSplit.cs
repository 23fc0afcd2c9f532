namespace Socrates.Testing.Search;

/// <summary>
/// Splits a query set for checking a probe calibration on queries it never saw: the even ones
/// are the query log the index calibrates on, the odd ones are measured. Shared by
/// <c>SpeedAndSweepTests</c> (the calibration-shortfall gate) and <c>socrates ivf-sweep --calibrate</c>.
/// </summary>
public static class CalibrationSplit
{
    public static (float[][] Logged, float[][] Measured) Of(IReadOnlyList<float[]> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return ([.. queries.Where((_, i) => i % 2 == 0)], [.. queries.Where((_, i) => i % 2 == 1)]);
    }
}
