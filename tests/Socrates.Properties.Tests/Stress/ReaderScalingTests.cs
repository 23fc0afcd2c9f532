using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Readers must scale with readers: N concurrent readers load more projects per second than
/// one. <see cref="ReaderScalingRun"/> judges V2's gain against the gain of bare SQLite readers
/// running V2's own load statement on the same database in the same interleaved rounds, so the
/// figure is the share of what SQLite and the machine give parallel readers right now that V2
/// keeps; the time other processes held the cores is given back to both (<see cref="PhaseThroughput"/>).
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

    [Fact]
    public async Task ConcurrentReaders_Alone_ScaleWithTheMachine()
    {
        var result = await ReaderScalingRun.RunAsync(ReaderScalingSettings.ForProfile(TestProfile.Current), EfficiencyThreshold);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-read-scaling.json", result);
        if (!result.Conclusive)
        {
            MetricsWriter.WriteInconclusive("stress", Metric, result.Efficiency ?? 0, "ratio", result.Reason!, evidence); // 0: undefined, the reason says why
            return;
        }

        MetricsWriter.Write("stress", Metric, result.Efficiency!.Value, "ratio", evidence); // conclusive: defined
        Assert.True(result.Efficiency >= EfficiencyThreshold, $"readers do not scale: efficiency {result.Alone} (median gains: bare SQLite {result.MedianBaselineGain}, V2 {result.MedianReadGain}); evidence {evidence}");
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

        Assert.True(result.Efficiency < EfficiencyThreshold, $"reads serialised behind one lock but the efficiency is {result.Alone} (median gains: bare SQLite {result.MedianBaselineGain}, V2 {result.MedianReadGain}); evidence {evidence}");
    }
}
