using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Readers must scale with readers: N concurrent readers load more projects per second than
/// one. <see cref="ReaderScalingRun"/> judges the readers' gain against
/// the gain of a pure CPU workload measured in the same interleaved rounds, so the figure is the
/// share of the machine's parallel capacity of the moment that reads turn into throughput.
/// Writes <c>stress.read_scaling_efficiency</c> (always, also under a canary), then asserts it;
/// when the machine shows no parallel capacity within the budget, writes it inconclusive and
/// does not assert. The canary <see cref="V2Failpoints.ReadsProcessLock"/> serialises every read
/// behind one process-wide lock: N readers read no faster than one.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class ReaderScalingTests
{
    public const string Metric = "stress.read_scaling_efficiency";

    /// <summary>The gate's fail threshold (clean, busy and canary runs: see the gate's description).</summary>
    public const double EfficiencyThreshold = 0.5;

    // The gate this test feeds is not in gates.json: on a machine that gives the test both cores,
    // clean V2 reaches an efficiency of -0.07 to 0.23 (two readers load no more projects per
    // second than one), below the 0.5 a plain SQLite select clears (0.7-0.8). The cause is in V2's
    // read path and the runtime's workstation GC, not in the harness; the gate lands with the fix.
    [Fact(Skip = "V2 readers do not scale yet (efficiency -0.07 to 0.23 against 0.5); run it with the Skip removed to measure")]
    public async Task ConcurrentReaders_Alone_ScaleWithTheMachine()
    {
        var result = await ReaderScalingRun.RunAsync(ReaderScalingSettings.ForProfile(TestProfile.Current), EfficiencyThreshold);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-read-scaling.json", result);
        if (!result.Conclusive)
        {
            MetricsWriter.WriteInconclusive("stress", Metric, result.Efficiency, "ratio", result.Reason!, evidence);
            return;
        }

        MetricsWriter.Write("stress", Metric, result.Efficiency, "ratio", evidence);
        Assert.True(result.Efficiency >= EfficiencyThreshold, $"readers do not scale: efficiency {result.Alone} (median gains: CPU {result.MedianCpuGain}, reads {result.MedianReadGain}); evidence {evidence}");
        Assert.True(result.Writes >= result.Rounds.Count, $"only {result.Writes} writes ran beside the readers in {result.Rounds.Count} rounds");
    }

    [Fact]
    public async Task ConcurrentReaders_ProcessWideReadLockCanary_EfficiencyUnderThreshold()
    {
        ReaderScalingResult result;
        using (Failpoint.Enable(V2Failpoints.ReadsProcessLock))
        {
            result = await ReaderScalingRun.RunAsync(ReaderScalingSettings.ForProfile(TestProfile.Current), EfficiencyThreshold);
        }

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-read-scaling-canary.json", result);
        if (!result.Conclusive)
        {
            return; // no parallel capacity to show the lock against; the clean test reports the gate inconclusive
        }

        Assert.True(result.Efficiency < EfficiencyThreshold, $"reads serialised behind one lock but the efficiency is {result.Alone} (median gains: CPU {result.MedianCpuGain}, reads {result.MedianReadGain}); evidence {evidence}");
    }
}
