using Socrates.Core.DualRun;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// What the dual-run comparison of a migrated database found (<see cref="V1V2AnswerComparison"/>):
/// how many projects and users were asked about, how many rejected projects were left out of V1,
/// the dual-run counters, and every read that failed on the V1 side.
/// </summary>
public sealed record V1V2Answers(int Projects, int Users, int RejectedProjects, DualRunStatistics Statistics, IReadOnlyList<string> Failures)
{
    /// <summary>Answers that differ, V2 reads that failed and V1 reads that failed: each one a user who may see something else.</summary>
    public long Mismatches => Statistics.Mismatches + Statistics.ShadowReadFailures + Failures.Count;

    /// <summary>True when every answer was compared and agreed.</summary>
    public bool Agree => Mismatches == 0 && Statistics.ComparedReads > 0;
}
