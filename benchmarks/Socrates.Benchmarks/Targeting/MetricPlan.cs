using Socrates.Benchmarks.Paired;

namespace Socrates.Benchmarks.Targeting;

/// <summary>
/// What a targeted run (<c>--metric NAME</c>, repeatable) measures: the BenchmarkDotNet benchmarks
/// the named comparisons read, the pairs the named paired metrics come from, and the setups that
/// write the named setup metrics; nothing else. A name may be a metric's companion
/// (<c>{id}.estimate</c>, <c>{pair}.regression</c>); a name nothing produces is
/// <see cref="Unknown"/>, so a typo cannot pass as a run that measured nothing.
/// </summary>
public sealed record MetricPlan(
    IReadOnlyList<string> BenchmarkDotNetFilters,
    IReadOnlyList<string> PairIds,
    IReadOnlyList<string> SetupMetrics,
    IReadOnlyList<string> Unknown)
{
    public const string EstimateSuffix = ".estimate";
    public const string RegressionSuffix = ".regression";

    public bool RunsBenchmarkDotNet => BenchmarkDotNetFilters.Count > 0;

    public static MetricPlan For(IReadOnlyList<string> metrics, ComparisonsIndex comparisons)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(comparisons);
        var filters = new List<string>();
        var pairs = new List<string>();
        var setups = new List<string>();
        var unknown = new List<string>();
        foreach (var metric in metrics.Distinct(StringComparer.Ordinal))
        {
            if (comparisons.Find(Strip(metric, EstimateSuffix)) is { } methods)
            {
                filters.AddRange(methods.Select(m => m.FilterPattern));
            }
            else if (PairOf(metric) is { } pair)
            {
                pairs.Add(pair);
            }
            else if (Targeting.SetupMetrics.Writers.ContainsKey(metric))
            {
                setups.Add(metric);
            }
            else
            {
                unknown.Add(metric);
            }
        }

        return new MetricPlan(
            [.. filters.Distinct(StringComparer.Ordinal)],
            [.. PairedSuite.Ids.Where(pairs.Contains)],
            setups,
            unknown);
    }

    private static string? PairOf(string metric)
    {
        foreach (var candidate in new[] { metric, Strip(metric, EstimateSuffix), Strip(metric, RegressionSuffix) })
        {
            if (PairedSuite.Ids.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Strip(string metric, string suffix) =>
        metric.EndsWith(suffix, StringComparison.Ordinal) ? metric[..^suffix.Length] : metric;
}
