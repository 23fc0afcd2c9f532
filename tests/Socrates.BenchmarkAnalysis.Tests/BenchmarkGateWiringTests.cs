using System.Text.Json.Nodes;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Paired;
using Socrates.Gates.Config;

namespace Socrates.BenchmarkAnalysis.Tests;

/// <summary>
/// Every benchmark gate (in gates.json and the proposed ones in benchmarks/proposed-gates.json)
/// reads a metric that something writes, and names a canary: a gate over a metric no comparison
/// produces is always "missing", and one without a canary cannot show it can fail.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BenchmarkGateWiringTests
{
    // Written by a benchmark's setup (GetUserProjectsBenchmarks), not by a comparison.
    private static readonly string[] s_setupMetrics = ["bench.v2_file_size_ratio"];

    [Fact]
    public void BenchmarkGates_EveryMetricWrittenAndEveryGateHasACanary()
    {
        var comparisons = ComparisonsFileReader.Read(SamplePaths.RepositoryComparisonsFile);
        var written = comparisons.Comparisons.Select(c => c.Id).Concat(s_setupMetrics).Concat(PairedMetrics()).ToHashSet(StringComparer.Ordinal);
        var gates = AllGates().Where(g => g.Suite == "benchmarks").ToList();

        Assert.NotEmpty(gates);
        Assert.All(gates, g => Assert.True(written.Contains(g.Metric), $"gate {g.Id}: no comparison writes {g.Metric}"));
        Assert.All(gates, g => Assert.True(g.Canary?.Failpoint is not null, $"gate {g.Id}: no canary failpoint"));
    }

    [Fact]
    public void ProposedGates_ValidInTheGatesFileWithTheRiskRegister()
    {
        var config = AllGates().ToList();

        Assert.Contains(config, g => g.Id == "bench-paired-point-load-overhead" && g.Direction == Direction.Max && g.Fail == 2.0);
        Assert.Contains(config, g => g.Id == "bench-paired-save-speedup" && g.Direction == Direction.Min && g.Fail == 1.2);
        Assert.Contains(config, g => g.Id == "bench-get-user-projects-speedup" && g.Direction == Direction.Min && g.Fail == 10);
        Assert.Equal(config.Count, config.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count());
    }

    // The paired comparisons' metric ids, as the harness declares them (PairedSuite's constants).
    private static IEnumerable<string> PairedMetrics()
    {
        var source = File.ReadAllText(Path.Combine(SamplePaths.RepositoryRoot, "benchmarks", "Socrates.Benchmarks", "Paired", "PairedSuite.cs"));
        return System.Text.RegularExpressions.Regex.Matches(source, "\"(bench\\.paired\\.[a-z0-9_.]+)\"")
            .Select(m => m.Groups[1].Value)
            .SelectMany(id => new[] { id, id + ".estimate", id + PairedRegression.MetricSuffix });
    }

    [Fact]
    public void PairedRegressionGates_TheStoredBaselineOfEveryProfileHoldsTheirPair()
    {
        var gates = AllGates().Where(g => g.Metric.StartsWith("bench.paired.", StringComparison.Ordinal) && g.Metric.EndsWith(PairedRegression.MetricSuffix, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(gates);
        foreach (var gate in gates)
        {
            Assert.DoesNotContain("full", gate.Profiles);
            foreach (var profile in gate.Profiles)
            {
                var file = PairedBaselineFile.Read(Path.Combine(SamplePaths.RepositoryRoot, "fixtures", "baselines", $"paired-{profile}.json"));
                var pair = gate.Metric[..^PairedRegression.MetricSuffix.Length];
                Assert.True(file.Pairs.ContainsKey(pair), $"gate {gate.Id}: fixtures/baselines/paired-{profile}.json holds no runs of {pair}");
                Assert.Equal(profile, file.Profile);
            }
        }
    }

    // gates.json with the proposed gates appended, loaded (and so validated) by the engine's loader.
    private static IReadOnlyList<GateDefinition> AllGates()
    {
        var root = SamplePaths.RepositoryRoot;
        var gates = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "gates.json")))!.AsObject();
        var proposedPath = Path.Combine(root, "benchmarks", "proposed-gates.json");
        if (File.Exists(proposedPath))
        {
            var existing = gates["gates"]!.AsArray().Select(g => (string?)g!["id"]).ToHashSet(StringComparer.Ordinal);
            foreach (var gate in JsonNode.Parse(File.ReadAllText(proposedPath))!["gates"]!.AsArray())
            {
                if (!existing.Contains((string?)gate!["id"]))
                {
                    gates["gates"]!.AsArray().Add(gate.DeepClone());
                }
            }
        }

        return GateConfigLoader.Parse(gates.ToJsonString(), "gates.json + benchmarks/proposed-gates.json").Gates;
    }
}
