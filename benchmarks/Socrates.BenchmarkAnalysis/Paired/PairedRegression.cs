using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Paired;

/// <summary>
/// Is this run's paired time ratio (candidate/baseline, lower is better) worse than the stored
/// runs'? The runs, not the rounds, are the unit: on a shared machine two runs differ by more
/// than one run's confidence interval admits, so a round-level test against a stored figure
/// would call ordinary run-to-run drift a regression. Here the stored runs' log ratios give a
/// mean m and a spread s; a new run from the same distribution lies below
/// m + t(conf, k-1) s sqrt(1 + 1/k) with probability conf (a one-sided prediction interval), so a
/// log ratio above that bound is a significant regression. The metric is the estimated slowdown
/// exp(x - m) - 1 when significant and 0 otherwise (the gate's warn and fail thresholds then say
/// how large a proven slowdown may be). <see cref="DetectableSlowdown"/> is the smallest slowdown
/// this baseline can prove: the honest resolution of the check on this machine.
/// </summary>
public sealed record PairedRegression(
    string Id,
    int BaselineRuns,
    double BaselineRatio,
    double BaselineSpread,
    double CurrentRatio,
    double Slowdown,
    double DetectableSlowdown,
    bool Significant,
    double Value)
{
    public const string MetricSuffix = ".regression";

    /// <summary>
    /// One-sided confidence of the prediction bound: 99.9 %. A release gate runs once per change
    /// on a shared machine, so a false alarm costs more than a small slowdown found a run later;
    /// at 99 % one clean run in a hundred would be red by construction.
    /// </summary>
    public const double DefaultConfidence = 0.999;
    public const string Unit = "fraction";

    public string Verdict => Significant ? "regression" : Slowdown > 0 ? "slower, within the runs' spread" : "not slower";

    /// <summary>Judges <paramref name="currentRatio"/> against <paramref name="baseline"/> at one-sided <paramref name="confidence"/>.</summary>
    public static PairedRegression Compute(string id, double currentRatio, PairedBaselineEntry baseline, double confidence)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (!(currentRatio > 0) || !double.IsFinite(currentRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(currentRatio), currentRatio, "The current ratio must be a positive finite number.");
        }

        var logs = baseline.Runs.Select(r => Math.Log(r)).ToArray();
        var k = logs.Length;
        if (k < PairedBaselineFile.MinimumRuns)
        {
            throw new ArgumentException($"{k} stored runs; at least {PairedBaselineFile.MinimumRuns} are needed.", nameof(baseline));
        }

        var mean = logs.Average();
        var spread = Math.Sqrt(logs.Sum(x => (x - mean) * (x - mean)) / (k - 1));
        var bound = StudentTDistribution.Quantile(confidence, k - 1) * spread * Math.Sqrt(1 + (1.0 / k));
        var excess = Math.Log(currentRatio) - mean;
        var significant = excess > bound;
        var slowdown = Math.Exp(excess) - 1;
        return new PairedRegression(id, k, Math.Exp(mean), spread, currentRatio, slowdown, Math.Exp(bound) - 1, significant,
            Value: significant ? slowdown : 0);
    }
}
