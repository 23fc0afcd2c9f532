using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Metrics;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// Readers starve when they queue behind writers. <see cref="ContentionRun"/> measures, in one
/// test, the read p99 while writers commit to the readers' database against the read p99 while
/// the same writers commit to another database (the same load on the machine), round by round, and reports the median of the rounds' ratios: the machine's speed cancels
/// out, and so does its noise. Writes <c>stress.contention.read_p99_ratio</c> (always, also under
/// a canary), or writes it inconclusive when too few rounds could tell (<see cref="ContentionRun"/>),
/// then asserts it. The canary <see cref="V2Failpoints.ReadsExclusiveLock"/> makes
/// reads take the writer lock: they queue behind every write transaction and the ratio soars.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class ContentionTests
{
    /// <summary>The proposed gate's fail threshold (clean runs and canary runs: see the report).</summary>
    public const double RatioThreshold = 6;

    private const string Metric = "stress.contention.read_p99_ratio";

    [Fact]
    public async Task ReadsWhileWriting_WalSnapshots_ReadP99RatioUnderThreshold()
    {
        var result = await ContentionRun.RunAsync(RatioThreshold);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-contention.json", result);
        if (result.Unusable is { } reason)
        {
            MetricsWriter.WriteInconclusive("stress", Metric, result.Ratio, "ratio", reason, evidence);
            return;
        }

        MetricsWriter.Write("stress", Metric, result.Ratio, "ratio", evidence);
        Assert.True(result.Ratio < RatioThreshold, $"readers starved: median read p99 ratio {result.Ratio} (rounds {Rounds(result)}); evidence {evidence}");
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
        if (result.Unusable is null)
        {
            Assert.True(result.Ratio >= RatioThreshold, $"reads serialized behind writers but the median ratio is only {result.Ratio} (rounds {Rounds(result)}); evidence {evidence}");
        }
    }

    private static string Rounds(ContentionResult result) =>
        string.Join(", ", result.Rounds.Select(r => r.Decisive ? $"{r.Ratio}" : $"({r.Ratio}, not decisive)"));
}
