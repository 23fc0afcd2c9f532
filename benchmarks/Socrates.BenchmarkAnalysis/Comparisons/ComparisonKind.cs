namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>What a comparison computes (see docs/benchmarks.md).</summary>
public enum ComparisonKind
{
    /// <summary>Baseline time / candidate time, higher is better; the metric is the lower confidence bound.</summary>
    Speedup,

    /// <summary>Candidate / baseline (time or allocated bytes), lower is better; the metric is the upper confidence bound.</summary>
    Ratio,

    /// <summary>Current / stored baseline - 1 (normalised time or allocated bytes), lower is better; the upper bound, or 0 when not significant.</summary>
    Regression,
}
