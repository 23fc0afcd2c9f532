using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Readers starve when they queue behind writers. <see cref="ContentionRun"/> measures, in one
/// test on one database, the read p99 while writers commit against the read p99 with no writer,
/// round by round, and reports the median of the rounds' ratios: the machine's speed cancels
/// out, and so does its noise. Writes <c>stress.contention.read_p99_ratio</c> (always, also under
/// a canary), then asserts it. The canary <see cref="V2Failpoints.ReadsExclusiveLock"/> makes
/// reads take the writer lock: they queue behind every write transaction and the ratio soars.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class ContentionTests
{
    /// <summary>The proposed gate's fail threshold (clean runs and canary runs: see the report).</summary>
    public const double RatioThreshold = 6;

    [Fact]
    public async Task ReadsWhileWriting_WalSnapshots_ReadP99RatioUnderThreshold()
    {
        var result = await ContentionRun.RunAsync(RatioThreshold);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-contention.json", result);
        MetricsWriter.Write("stress", "stress.contention.read_p99_ratio", result.Ratio, "ratio", evidence);

        Assert.True(result.Ratio < RatioThreshold, $"readers starved: median read p99 ratio {result.Ratio} (rounds {string.Join(", ", result.Rounds.Select(r => r.Ratio))}); evidence {evidence}");
        Assert.True(result.Writes >= 20 * ContentionRun.Rounds, $"only {result.Writes} writes ran beside the reads: no contention measured");
        Assert.True(result.ContendedReads >= ContentionRun.Rounds * ContentionRun.Readers, $"only {result.ContendedReads} reads ran beside the writers");
    }

    [Fact]
    public async Task ReadsWhileWriting_ExclusiveReadLockCanary_RatioOverThreshold()
    {
        ContentionResult result;
        using (Failpoint.Enable(V2Failpoints.ReadsExclusiveLock))
        {
            result = await ContentionRun.RunAsync(RatioThreshold);
        }

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-contention-canary.json", result);
        Assert.True(result.Ratio >= RatioThreshold, $"reads serialized behind writers but the median ratio is only {result.Ratio} (rounds {string.Join(", ", result.Rounds.Select(r => r.Ratio))}); evidence {evidence}");
    }
}
