using System.Diagnostics;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;
using Socrates.Testing.Linearizability.Simulation;
using Socrates.Testing.Metrics;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class CheckerScaleTests
{
    private static readonly SimulationOptions s_kv2000 = new()
    {
        Seed = 20_261_122,
        Clients = 50,
        Operations = 2_000,
        MaxLatency = 10,
        MaxThinkTime = 3,
        IndeterminateRate = 0.01,
        FailRate = 0.02,
    };

    [Fact]
    public void Check_Kv2000Ops50Clients_LinearizableAndTimed()
    {
        var history = Simulations.KeyValue(s_kv2000, keys: 15);
        var model = new KeyValueModel();
        LinearizabilityChecker.Check(model, Simulations.KeyValue(s_kv2000 with { Operations = 200 }, keys: 15)); // JIT warm-up

        var clock = Stopwatch.StartNew();
        var result = LinearizabilityChecker.Check(model, history, new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });
        clock.Stop();

        var evidence = MetricsWriter.WriteEvidence("unit", "checker-kv-2000ops.json", new
        {
            s_kv2000.Seed,
            s_kv2000.Clients,
            s_kv2000.Operations,
            Keys = 15,
            Outcome = result.Outcome.ToString(),
            Seconds = clock.Elapsed.TotalSeconds,
            result.FailedOperationsIgnored,
            Indeterminate = history.Count(o => o.Status == OperationStatus.Indeterminate),
            MaxConcurrency = MaxConcurrency(history),
            Partitions = result.Partitions.Select(p => new { p.Key, Outcome = p.Outcome.ToString(), p.OperationCount, p.SearchSteps }),
        });
        MetricsWriter.Write("unit", "checker.kv_2000ops.seconds", clock.Elapsed.TotalSeconds, "seconds", evidence);

        Assert.Equal(CheckOutcome.Linearizable, result.Outcome);
        Assert.Equal(15, result.Partitions.Count);
        var indeterminateGets = history.Count(o => o.Status == OperationStatus.Indeterminate && o.Input.Kind == KeyValueOperationKind.Get);
        Assert.Equal(2_000, result.Partitions.Sum(p => p.OperationCount) + result.FailedOperationsIgnored + indeterminateGets);
        Assert.True(MaxConcurrency(history) >= 30, "the history should be heavily concurrent");
    }

    [Fact]
    public void Check_Kv2000OpsWithOneStaleGet_NotLinearizableAndShrunk()
    {
        var history = Simulations.InjectStaleGet(Simulations.KeyValue(s_kv2000, keys: 15), choice: 200)!;

        var result = LinearizabilityChecker.Check(new KeyValueModel(), history, new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        var violation = result.Violation!;
        // Shrinking stops early when a shorter prefix gets dear to refute, so only "shorter" is promised here.
        Assert.True(violation.Operations.Count < violation.PartitionOperationCount / 2, $"{violation.Operations.Count} of {violation.PartitionOperationCount}");
        Assert.Contains($"Could not place #{violation.Blocked.Id} ", TimelineRenderer.Render(result), StringComparison.Ordinal);
        Assert.Single(result.Partitions, p => p.Outcome == CheckOutcome.NotLinearizable);
    }

    [Fact]
    public void Render_SameResultTwice_Identical()
    {
        var history = Simulations.InjectStaleGet(Simulations.KeyValue(s_kv2000 with { Operations = 300, Clients = 10 }, keys: 3), choice: 5)!;

        var first = TimelineRenderer.Render(LinearizabilityChecker.Check(new KeyValueModel(), history));
        var second = TimelineRenderer.Render(LinearizabilityChecker.Check(new KeyValueModel(), history));

        Assert.Equal(first, second);
        Assert.Contains("NOT LINEARIZABLE", first, StringComparison.Ordinal);
    }

    private static int MaxConcurrency<TInput, TOutput>(History<TInput, TOutput> history) =>
        history.Select(o => (Time: o.InvokedAt, Delta: 1))
            .Concat(history.Where(o => o.CompletedAt != Operation<TInput, TOutput>.Never).Select(o => (Time: o.CompletedAt, Delta: -1)))
            .OrderBy(e => e.Time)
            .Aggregate((Current: 0, Max: 0), (acc, e) => (acc.Current + e.Delta, Math.Max(acc.Max, acc.Current + e.Delta)))
            .Max;
}
