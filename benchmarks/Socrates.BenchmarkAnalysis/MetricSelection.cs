namespace Socrates.BenchmarkAnalysis;

/// <summary>
/// The <c>--metric NAME</c> options (repeatable) of <c>bench-compare</c> and <c>paired-compare</c>:
/// a targeted run (a gate's canary) measured only what feeds these metrics, so the command computes
/// and writes only them, and the benchmarks it did not run are neither missing nor a failure.
/// Without the option every metric is selected. A name the command does not produce is left to the
/// other command (a paired metric given to bench-compare, say): the harness rejects names nothing produces.
/// </summary>
internal sealed class MetricSelection
{
    public const string OptionName = "metric";

    private readonly HashSet<string> _names;

    private MetricSelection(IEnumerable<string> names) => _names = new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>Every metric: an ordinary, untargeted run.</summary>
    public static MetricSelection Everything { get; } = new([]);

    public static MetricSelection From(IReadOnlyList<string> names) => names.Count == 0 ? Everything : new MetricSelection(names);

    public bool IsTargeted => _names.Count > 0;

    public bool Includes(string metric) => !IsTargeted || _names.Contains(metric);

    /// <summary>True when <paramref name="metrics"/> (what one comparison or pair writes) holds a selected name.</summary>
    public bool IncludesAny(IEnumerable<string> metrics) => !IsTargeted || metrics.Any(_names.Contains);

    public override string ToString() => IsTargeted ? string.Join(", ", _names.Order(StringComparer.Ordinal)) : "every metric";
}
