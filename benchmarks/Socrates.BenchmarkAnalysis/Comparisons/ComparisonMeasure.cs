namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>Which number of a benchmark a comparison reads.</summary>
public enum ComparisonMeasure
{
    /// <summary>Time per operation of every measured iteration (a sample: statistics apply).</summary>
    Time,

    /// <summary>Managed bytes allocated per operation (MemoryDiagnoser; deterministic, one number).</summary>
    Allocated,
}
