using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Results;

namespace Socrates.BenchmarkAnalysis.Tests;

/// <summary>Seeded, synthetic benchmark runs: samples with multiplicative (log-normal) noise, as timings have.</summary>
internal static class SyntheticRuns
{
    public const string Namespace = "Bench";

    /// <summary><paramref name="count"/> samples around <paramref name="median"/> ns with relative noise <paramref name="noise"/> (sd of the log).</summary>
    public static double[] Samples(int seed, double median, double noise, int count = 15)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => median * Math.Exp(noise * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();
    }

    public static BenchmarkResult Result(string type, string method, IReadOnlyList<double> samples, double? bytes = 1024, string parameters = "")
    {
        var parsed = BenchmarkResultsReader.ParseParameters(parameters);
        var fullName = $"{Namespace}.{type}.{method}" + (parsed.Count == 0 ? string.Empty : "(" + string.Join(", ", parsed.Select(p => p.Key + ": " + p.Value)) + ")");
        return new BenchmarkResult(fullName, Namespace, type, method, parsed, samples, bytes, "synthetic.json");
    }

    public static BenchmarkRunResults Run(params BenchmarkResult[] results) => new(results, ["synthetic.json"], [], "synthetic host");

    public static BenchmarkSelector Select(string type, string method, params (string Name, string Value)[] parameters) =>
        new(type, method, parameters.ToDictionary(p => p.Name, p => p.Value));

    public static ComparisonDefinition Speedup(string id, BenchmarkSelector baseline, BenchmarkSelector candidate, NoiseFloors? settings = null) =>
        new(id, null, ComparisonKind.Speedup, ComparisonMeasure.Time, baseline, candidate, null, settings ?? NoiseFloors.Default);

    public static ComparisonDefinition Ratio(string id, BenchmarkSelector baseline, BenchmarkSelector candidate, ComparisonMeasure measure = ComparisonMeasure.Time, NoiseFloors? settings = null) =>
        new(id, null, ComparisonKind.Ratio, measure, baseline, candidate, null, settings ?? NoiseFloors.Default);

    public static ComparisonDefinition Regression(string id, BenchmarkSelector benchmark, ComparisonMeasure measure = ComparisonMeasure.Time, NoiseFloors? settings = null) =>
        new(id, null, ComparisonKind.Regression, measure, null, null, benchmark, settings ?? new NoiseFloors(0.99, 0.05, 0.5));

    public static ComparisonsFile File(BenchmarkSelector? reference, params ComparisonDefinition[] comparisons) =>
        new("comparisons.json", reference, comparisons);
}
