namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>How a Mann-Whitney p-value (and the matching Hodges-Lehmann interval) was computed.</summary>
public enum MannWhitneyMethod
{
    /// <summary>The exact null distribution of U (no ties, both samples smaller than 50).</summary>
    Exact,

    /// <summary>The normal approximation with tie and continuity corrections.</summary>
    Normal,
}
