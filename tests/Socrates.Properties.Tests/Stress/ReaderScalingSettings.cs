using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>How the reader-scaling run is sized, per test profile.</summary>
/// <param name="Readers">N: readers (V2's and the baseline's) against one.</param>
/// <param name="Phase">Length of one measuring phase; a round has eight.</param>
/// <param name="RoundsPerAttempt">Rounds measured per attempt.</param>
/// <param name="Attempts">Attempts before the run ends inconclusive.</param>
/// <param name="MinBaselineGain">
/// The median baseline gain (N bare SQLite readers against 1) below which the machine shows no
/// parallel capacity. 1.2: with one of two cores kept busy by another process, two readers get
/// at most 4/3 of the core one reader gets (1.3 to 1.5 measured), and that must still decide.
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
        "quick" => new(2, TimeSpan.FromMilliseconds(40), 16, 4, 1.2),
        _ => new(2, TimeSpan.FromMilliseconds(50), 20, 5, 1.2),
    };
}
