using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>How the reader-scaling run is sized, per test profile.</summary>
/// <param name="Readers">N: readers (V2's and the baseline's) against one.</param>
/// <param name="Phase">
/// Length of one measuring phase; a round has eight. 80-100 ms: many scheduler time slices, so
/// one preemption of a lock holder inside SQLite or V2 moves a phase's figure little.
/// </param>
/// <param name="RoundsPerAttempt">Rounds measured per attempt.</param>
/// <param name="Attempts">Attempts before the run ends inconclusive.</param>
/// <param name="MinBaselineGain">
/// The median baseline gain (N bare SQLite readers against 1) below which the machine shows no
/// parallel capacity. With run-queue time given back the baseline gained 2.0-2.3 at load average
/// 19-32; without it (a kernel that does not report run-queue time) one of two cores kept busy by
/// another process leaves two readers at most 4/3 of one reader's core (1.3 to 1.5 measured),
/// and that must still decide: 1.2.
/// </param>
internal sealed record ReaderScalingSettings(
    int Readers,
    TimeSpan Phase,
    int RoundsPerAttempt,
    int Attempts,
    double MinBaselineGain)
{
    public static ReaderScalingSettings ForProfile(TestProfile profile) => profile.Name switch
    {
        "quick" => new(2, TimeSpan.FromMilliseconds(80), 16, 4, 1.2),
        _ => new(2, TimeSpan.FromMilliseconds(100), 20, 5, 1.2),
    };
}
